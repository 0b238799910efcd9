package org.childjourney.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * The query API's shape: MongoDB stays inside package-private read-model classes (and the shared batch writer in
 * {@code readmodel}), controllers go through the gateways (so the access check cannot be skipped), and nothing
 * reaches into the other service.
 */
@AnalyzeClasses(packages = "org.childjourney.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> USE_MONGODB = DescribedPredicate.describe("use MongoDB",
            type -> type.getDirectDependenciesFromSelf().stream().map(dependency -> dependency.getTargetClass()
                    .getPackageName()).anyMatch(name -> name.startsWith("com.mongodb") || name.startsWith("org.bson")));

    @ArchTest
    static final ArchRule mongoTypesStayPackagePrivate = classes().that(USE_MONGODB)
            .and().resideOutsideOfPackages("..config..", "..readmodel..")
            .should().notBePublic();

    /** Where a controller's dependencies may live, besides its own request, response and message values. */
    private static final List<String> FOR_CONTROLLERS = List.of("java.", "jakarta.", "org.springframework.",
            "io.swagger.", "org.jspecify.", "org.childjourney.core.", "org.childjourney.query.security.",
            "org.childjourney.query.config.QueryProperties", "org.axonframework.queryhandling.QueryGateway",
            "org.axonframework.commandhandling.gateway.CommandGateway",
            "org.axonframework.eventhandling.gateway.EventGateway", "org.axonframework.messaging.responsetypes.");

    /** Spring's ways to a store, which the allowance for the web framework must not let in. */
    private static final List<String> NOT_FOR_CONTROLLERS = List.of("org.springframework.jdbc.",
            "org.springframework.data.", "org.springframework.transaction.");

    /** A type that holds a component of the service (a store, a handler) or MongoDB's own types. */
    private static final DescribedPredicate<JavaClass> REACHES_A_STORE = DescribedPredicate.describe(
            "reaches a store", type -> type.getDirectDependenciesFromSelf().stream()
                    .map(dependency -> dependency.getTargetClass())
                    .anyMatch(target -> target.isMetaAnnotatedWith(Component.class)
                            || target.getPackageName().startsWith("com.mongodb")
                            || target.getPackageName().startsWith("org.bson")));

    /**
     * A value a controller may hold: a record that reaches no store (the gateways it is given are the controller's
     * own), an enum, a sealed interface of records (an answer that is shown or refused), an exception, or the
     * controller's own nested types. Never a component, so never a store.
     */
    private static final DescribedPredicate<JavaClass> ALLOWED_FOR_CONTROLLERS = DescribedPredicate.describe(
            "the gateways, the web framework, the domain, the security helpers and values",
            type -> FOR_CONTROLLERS.stream().anyMatch(type.getFullName()::startsWith)
                    && NOT_FOR_CONTROLLERS.stream().noneMatch(type.getFullName()::startsWith)
                    || type.isRecord() && !REACHES_A_STORE.test(type) || type.isEnum()
                    || type.isAssignableTo(RuntimeException.class)
                    || (type.isInterface() && type.reflect().isSealed())
                    || type.isMetaAnnotatedWith(Controller.class)
                    || type.getEnclosingClass().map(outer -> outer.isMetaAnnotatedWith(Controller.class))
                            .orElse(false));

    /**
     * Controllers, the API's and the pages', reach the record only through the query and command gateways, so that no
     * read skips the access check and its disclosure record: an allow-list, so that a new way to read a store fails
     * here.
     */
    @ArchTest
    static final ArchRule controllersAskTheGateways = classes().that().areMetaAnnotatedWith(Controller.class)
            .should().onlyDependOnClassesThat(ALLOWED_FOR_CONTROLLERS);

    /**
     * Feature packages depend one way (the access log on the timeline, the timeline on the inbox and break-glass,
     * never back). {@code config} wires them all together, so its own dependencies are left out; theirs on its
     * settings count.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.childjourney.query.(*)..").should()
            .beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("org.childjourney.query.config.."),
                    DescribedPredicate.alwaysTrue());

    @ArchTest
    static final ArchRule noOtherApp = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.childjourney.gateway..");

    @ArchTest
    static final ArchRule noSecurityContextHolder = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder");

    @ArchTest
    static final ArchRule noGrabBagPackages = noClasses().should().resideInAnyPackage("..util..", "..common..",
            "..shared..", "..helper..");
}

package org.childjourney.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query API's shape: MongoDB stays inside package-private read-model classes (and the shared batch writer in
 * {@code readmodel}), controllers go through the QueryGateway (so the access check cannot be skipped), and nothing
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

    @ArchTest
    static final ArchRule controllersAskTheQueryGateway = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projection");

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

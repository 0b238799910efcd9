package org.childjourney.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway's shape: intake behind its controller, no reach into other apps, no grab-bag packages. */
@AnalyzeClasses(packages = "org.childjourney.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherApp = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.childjourney.query..");

    @ArchTest
    static final ArchRule noGrabBagPackages = noClasses().should().resideInAnyPackage("..util..", "..common..",
            "..shared..", "..helper..");

    @ArchTest
    static final ArchRule noFrameworkRoleNames = noClasses().should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Service");

    @ArchTest
    static final ArchRule intakeIsPackagePrivate = classes().that().resideInAPackage("..intake..")
            .and().areNotAnnotatedWith(org.jspecify.annotations.NullMarked.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule noSecurityContextHolder = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder");
}

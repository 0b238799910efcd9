package org.childjourney.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The domain's shape, checked on every build: no frameworks but Axon in the core, no Axon in the policies, events
 * that are pure schema, concepts with homes, and no hidden clocks or random ids.
 */
@AnalyzeClasses(packages = "org.childjourney.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain outlives frameworks: no Spring, no database drivers, no Jackson beyond its annotations. */
    @ArchTest
    static final ArchRule coreKnowsNoSpringMongoOrJacksonDatabind = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.bson..", "com.fasterxml.jackson.databind..");

    /** Only the key store, kept apart from the event store by design (ADR 0015), is read through JDBC in the core. */
    @ArchTest
    static final ArchRule onlyTheKeyStoreUsesJdbc = noClasses()
            .that().resideOutsideOfPackage("..cipher..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    /** Decisions and values are plain functions and data, testable without an Axon fixture. */
    @ArchTest
    static final ArchRule policiesAndValuesKnowNoAxon = noClasses()
            .that().resideInAnyPackage("..access..", "..consent..", "..person..", "..agency..", "..provenance..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..");

    /**
     * Events are schema: the JDK, core values, Jackson annotations, Axon's revision, JSpecify and the constraints
     * declared on entries' details (Jakarta Bean Validation's annotations), nothing else.
     */
    @ArchTest
    static final ArchRule eventsDependOnlyOnSchemaTypes = classes()
            .that().resideInAPackage("..journey.event..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.childjourney.core..",
                    "com.fasterxml.jackson.annotation..", "org.axonframework.serialization..", "org.jspecify..",
                    "jakarta.validation.constraints..");

    /** Concepts have homes: no grab-bag packages. */
    @ArchTest
    static final ArchRule noGrabBagPackages = noClasses()
            .should().resideInAnyPackage("..util..", "..common..", "..shared..", "..helper..");

    /** Names come from the glossary, not from framework roles. */
    @ArchTest
    static final ArchRule noFrameworkRoleNames = noClasses()
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Impl");

    /** Time and ids come from commands or an injected clock, so that history can be replayed and tested. */
    @ArchTest
    static final ArchRule noHiddenClocksOrRandomIds = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(System.class, "currentTimeMillis");
}

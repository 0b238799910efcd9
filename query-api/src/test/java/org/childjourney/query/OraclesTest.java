package org.childjourney.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * A test oracle is independent of what it checks: an {@code *Oracle} works the expected answer out from raw stored
 * data and uses no class of the record's own (no event class, fold, projection or policy), so that a fault in the
 * production fold cannot also be in the expectation.
 */
@AnalyzeClasses(packages = "org.childjourney", importOptions = ImportOption.OnlyIncludeTests.class)
class OraclesTest {

    private static final DescribedPredicate<JavaClass> THE_RECORDS_OWN = DescribedPredicate.describe(
            "the record's own classes", type -> type.getPackageName().startsWith("org.childjourney")
                    && !type.getSimpleName().endsWith("Oracle") && !type.getName().contains("Oracle$"));

    @ArchTest
    static final ArchRule oraclesShareNoCodeWithTheRecord = noClasses().that().haveSimpleNameEndingWith("Oracle")
            .should().dependOnClassesThat(THE_RECORDS_OWN);
}

package io.darkroom.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.darkroom.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {
    @ArchTest
    static final ArchRule domainUsesNoFrameworkOrIo = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml..", "tools.jackson..",
                    "jakarta.servlet..", "java.net.http..", "org.postgresql..", "io.darkroom.application..",
                    "io.darkroom.infrastructure..", "io.darkroom.api..");

    /** Features depend on each other in one direction only (docs/decisions/012-feature-packages.md). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.darkroom.domain.(*)..").should().beFreeOfCycles();
}

package io.darkroom.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.darkroom.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {
    /** Adapters speak to use cases and queries; only the wiring knows infrastructure classes. */
    @ArchTest
    static final ArchRule onlyConfigurationKnowsInfrastructure = noClasses()
            .that().resideOutsideOfPackage("io.darkroom.api.config..")
            .should().dependOnClassesThat().resideInAPackage("io.darkroom.infrastructure..");

    @ArchTest
    static final ArchRule adaptersDoNotTouchJdbc = noClasses()
            .that().resideOutsideOfPackage("io.darkroom.api.config..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..");
}

package io.darkroom.application;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.darkroom.application", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationArchitectureTest {
    @ArchTest
    static final ArchRule applicationReachesNeitherInfrastructureNorApi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.darkroom.infrastructure..", "io.darkroom.api..");

    @ArchTest
    static final ArchRule applicationSpeaksNoSqlHttpOrSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework..", "jakarta.servlet..", "java.net.http..");

    /** Features depend on each other in one direction only (docs/decisions/012-feature-packages.md). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.darkroom.application.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule resourcePartsAreFreeOfCycles = slices().matching("io.darkroom.application.resource.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule optimizerPartsAreFreeOfCycles = slices().matching("io.darkroom.application.optimizer.(*)..").should().beFreeOfCycles();
}

package io.darkroom.infrastructure;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.darkroom.infrastructure", importOptions = ImportOption.DoNotIncludeTests.class)
class InfrastructureArchitectureTest {
    @ArchTest
    static final ArchRule infrastructureDoesNotReachTheApi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.darkroom.api..", "jakarta.servlet..", "org.springframework.web..");

    /** Features depend on each other in one direction only (docs/decisions/012-feature-packages.md). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.darkroom.infrastructure.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule resourcePartsAreFreeOfCycles = slices().matching("io.darkroom.infrastructure.resource.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule optimizerPartsAreFreeOfCycles = slices().matching("io.darkroom.infrastructure.optimizer.(*)..").should().beFreeOfCycles();
}

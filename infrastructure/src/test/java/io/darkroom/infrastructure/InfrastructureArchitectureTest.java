package io.darkroom.infrastructure;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.darkroom.infrastructure", importOptions = ImportOption.DoNotIncludeTests.class)
class InfrastructureArchitectureTest {
    @ArchTest
    static final ArchRule infrastructureDoesNotReachTheApi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.darkroom.api..", "jakarta.servlet..", "org.springframework.web..");
}

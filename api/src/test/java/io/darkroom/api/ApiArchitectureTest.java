package io.darkroom.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.darkroom.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {
    /** A feature's wiring: its {@code @Configuration} class (and the classes nested in it), or the shared {@code config} package. */
    private static final DescribedPredicate<JavaClass> WIRING = new DescribedPredicate<>("wiring") {
        @Override
        public boolean test(JavaClass type) {
            return type.getPackageName().startsWith("io.darkroom.api.config")
                    || type.isAnnotatedWith(Configuration.class)
                    || type.getEnclosingClass().map(outer -> outer.isAnnotatedWith(Configuration.class)).orElse(false);
        }
    };

    /** Adapters speak to use cases and queries; only the wiring knows infrastructure classes. */
    @ArchTest
    static final ArchRule onlyConfigurationKnowsInfrastructure = noClasses()
            .that(DescribedPredicate.not(WIRING))
            .should().dependOnClassesThat().resideInAPackage("io.darkroom.infrastructure..");

    @ArchTest
    static final ArchRule adaptersDoNotTouchJdbc = noClasses()
            .that(DescribedPredicate.not(WIRING))
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..");

    /** Features depend on each other in one direction only (docs/decisions/012-feature-packages.md). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.darkroom.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule resourcePartsAreFreeOfCycles = slices().matching("io.darkroom.api.resource.(*)..").should().beFreeOfCycles();
}

package org.regolancer.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The package rules of docs/architecture.md ("Design rules"), kept by a test over the main classes (not the tests);
 * each method's name is the rule it keeps. Methods, not {@code ArchRule} fields: surefire 3.5.3 runs no
 * {@code @ArchTest} field (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "org.regolancer.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "org.regolancer.orchestrator.";

    @ArchTest
    void noPackageCycles(JavaClasses main) {
        slices().matching(BASE + "(*)..")
                .should().beFreeOfCycles()
                .because("each package can be read, tested and moved on its own")
                .check(main);
    }

    @ArchTest
    void camelOnlyInCliWiringMonitoringAndCycle(JavaClasses main) {
        noClasses().that().resideOutsideOfPackages(BASE + "cli..", BASE + "wiring..", BASE + "monitoring..",
                        BASE + "cycle..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .because("decisions are plain Java: the routes say what happens, Camel-free classes decide")
                .check(main);
    }

    @ArchTest
    void demoUsedOnlyByCliAndWiring(JavaClasses main) {
        classes().that().resideInAPackage(BASE + "demo..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(BASE + "demo..", BASE + "cli..",
                        BASE + "wiring..")
                .because("the demo's stand-ins are chosen at start-up, never reached from the daemon's own parts")
                .check(main);
    }
}

package io.credence.workbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries only this module can see, because only here are the engine and the workbench on one
 * class path: the engine and its features never use the workbench, the workbench's screens form no
 * package cycle, review screens share only components with the editor, and they see the engine
 * through plain values.
 */
class WorkbenchArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_ARCHIVES)
                .importPackages("io.credence");
    }

    @Test
    void the_engine_and_its_features_never_depend_on_the_workbench() {
        noClasses()
                .that()
                .resideInAPackage("io.credence..")
                .and()
                .resideOutsideOfPackage("io.credence.workbench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.credence.workbench..")
                .because("the workbench is one client of the engine's services among others")
                .check(engineAndWorkbench());
    }

    @Test
    void the_workbench_packages_form_no_cycle() {
        slices().matching("io.credence.workbench.(*)..")
                .should()
                .beFreeOfCycles()
                .check(production);
    }

    @Test
    void screens_get_plain_values_never_the_live_compiled_policy_or_the_champion_registry() {
        noClasses()
                .that()
                .resideInAPackage("io.credence.workbench..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(CompiledPolicy.class, ChampionRegistry.class)
                .because("a screen shows a version number or a digest (deployment.Champions); holding the serving "
                        + "policy would tie the UI to the engine's internals and keep a swapped-out version alive")
                .check(production);
    }

    @Test
    void review_screens_do_not_depend_on_the_editors_classes() {
        noClasses()
                .that()
                .resideInAPackage("io.credence.workbench.review..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.credence.workbench.policy..")
                .because("a reviewer's screens share only the workbench's components with the editor, so the "
                        + "editor's internals can change without breaking the review")
                .check(production);
    }

    /** The engine's classes come from its jar (or the reactor's target/classes), the workbench's from here. */
    private static JavaClasses engineAndWorkbench() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.credence");
    }
}

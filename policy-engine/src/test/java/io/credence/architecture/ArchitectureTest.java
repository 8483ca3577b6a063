package io.credence.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module structure, enforced: the engine is a library that knows nothing of HTTP, storage or
 * the features that use it; the vocabulary rules are written against is plain Java; features form
 * no cycles and never reach into the workbench UI.
 */
class ArchitectureTest {

    private static final String ENGINE = "io.credence.engine..";
    private static final String VOCABULARY = "io.credence.vocabulary..";
    /** The shared kernel: domain exceptions and small value helpers every feature may use. */
    private static final String SHARED = "io.credence.shared..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.credence");
    }

    @Test
    void the_engine_knows_nothing_of_http_or_storage() {
        noClasses().that().resideInAnyPackage(ENGINE, VOCABULARY)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.jdbc..",
                        "org.springframework.transaction..", "jakarta.servlet..", "java.sql..", "javax.sql..")
                .because("the engine decides; the features around it serve HTTP and store things")
                .check(production);
    }

    @Test
    void the_engine_uses_no_feature() {
        noClasses().that().resideInAnyPackage(ENGINE, VOCABULARY)
                .should().dependOnClassesThat(resideInAPackage("io.credence..")
                        .and(not(resideInAnyPackage(ENGINE, VOCABULARY, SHARED))))
                .because("decision, policy, simulation and experiment all decide through the engine, never the reverse")
                .check(production);
    }

    @Test
    void the_rule_vocabulary_is_plain_java() {
        classes().that().resideInAPackage(VOCABULARY)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", VOCABULARY)
                .because("analysts' rules see these types; they must not drag a framework into a policy")
                .check(production);
    }

    @Test
    void nothing_depends_on_the_workbench_ui() {
        noClasses().that().resideInAPackage("io.credence..").and().resideOutsideOfPackage("io.credence.workbench..")
                .should().dependOnClassesThat().resideInAPackage("io.credence.workbench..")
                .because("the workbench is one client of the API among others")
                .check(production);
    }

    @Test
    void features_are_free_of_cycles() {
        slices().matching("io.credence.(*)..")
                .should().beFreeOfCycles()
                .check(production);
    }

    @Test
    void dependencies_are_injected_through_constructors() {
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(production);
    }
}

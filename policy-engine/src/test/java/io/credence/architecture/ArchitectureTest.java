package io.credence.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.credence.shared.Feature;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module structure, enforced: the engine is a library that knows nothing of HTTP, storage or
 * the features that use it; the vocabulary rules are written against is plain Java; each feature uses
 * only the features its package-info declares, and features form no cycles.
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
        noClasses()
                .that()
                .resideInAnyPackage(ENGINE, VOCABULARY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.jdbc..",
                        "org.springframework.transaction..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "javax.sql..")
                .because("the engine decides; the features around it serve HTTP and store things")
                .check(production);
    }

    @Test
    void the_engine_uses_no_feature() {
        noClasses()
                .that()
                .resideInAnyPackage(ENGINE, VOCABULARY)
                .should()
                .dependOnClassesThat(
                        resideInAPackage("io.credence..").and(not(resideInAnyPackage(ENGINE, VOCABULARY, SHARED))))
                .because("decision, policy, simulation and experiment all decide through the engine, never the reverse")
                .check(production);
    }

    @Test
    void the_rule_vocabulary_is_plain_java() {
        classes()
                .that()
                .resideInAPackage(VOCABULARY)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify.annotations..", VOCABULARY)
                .because("analysts' rules see these types; they must not drag a framework into a policy "
                        + "(nullness annotations are no framework)")
                .check(production);
    }

    /**
     * Each feature uses only the features its package-info declares with {@link Feature}; a feature
     * without a declaration fails too. The workbench is not on this module's class path, so "the engine
     * never depends on the workbench" is checked in workbench-ui's own architecture test.
     */
    @Test
    void every_feature_uses_only_the_features_its_package_info_declares() {
        Map<String, Set<String>> declared = declaredDependencies();
        for (Map.Entry<String, Set<String>> feature : declared.entrySet()) {
            List<String> allowed = new ArrayList<>();
            allowed.add("io.credence." + feature.getKey() + "..");
            // The shared kernel (domain exceptions, @Feature itself) is every feature's.
            allowed.add(SHARED);
            feature.getValue().forEach(other -> allowed.add("io.credence." + other + ".."));
            noClasses()
                    .that()
                    .resideInAPackage("io.credence." + feature.getKey() + "..")
                    .should()
                    .dependOnClassesThat(resideInAPackage("io.credence..")
                            .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
                    .because(feature.getKey() + "'s package-info.java allows only " + feature.getValue())
                    .check(production);
        }
    }

    @Test
    void the_declared_feature_dependencies_form_no_cycle() {
        Map<String, Set<String>> declared = declaredDependencies();
        for (String feature : declared.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(feature));
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : declared.getOrDefault(path.getLast(), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(feature)) throw new AssertionError("cycle of declared dependencies: " + longer);
                    if (!path.contains(next)) paths.push(longer);
                }
            }
        }
    }

    /**
     * Every top-level package under io.credence with production classes, and what its {@link Feature}
     * declares. The vocabulary is left out: it may depend on nothing at all, checked above.
     */
    static Map<String, Set<String>> declaredDependencies() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (JavaClass type : production) {
            String name = type.getPackageName();
            if (!name.startsWith("io.credence.")) continue;
            String feature = name.substring("io.credence.".length()).split("\\.")[0];
            if (feature.equals("vocabulary") || declared.containsKey(feature)) continue;
            Feature declaration = packageInfo(feature);
            if (declaration == null) {
                throw new AssertionError("io.credence." + feature + " has no @Feature(allowedDependencies = …) in its "
                        + "package-info.java: declare what it may use");
            }
            declared.put(feature, new TreeSet<>(List.of(declaration.allowedDependencies())));
        }
        return declared;
    }

    private static Feature packageInfo(String feature) {
        try {
            return Class.forName("io.credence." + feature + ".package-info")
                    .getPackage()
                    .getAnnotation(Feature.class);
        } catch (ClassNotFoundException none) {
            return null;
        }
    }

    @Test
    void features_are_free_of_cycles() {
        slices().matching("io.credence.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void dependencies_are_injected_through_constructors() {
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(production);
    }
}

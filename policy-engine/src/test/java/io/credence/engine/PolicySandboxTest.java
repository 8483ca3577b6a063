package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy sandbox against a corpus of attempts to escape the engine (refused/) and of policies
 * that must keep working (allowed/). Each refused file marks every line that must be refused with
 * {@code // <- refused}, optionally followed by words the refusal must contain.
 */
class PolicySandboxTest {

    private static final Pattern MARKER = Pattern.compile("//\\s*<- refused(?::\\s*(.+?))?\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    static Stream<String> refused() {
        return corpus("refused");
    }

    static Stream<String> allowed() {
        return corpus("allowed");
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    void refuses_every_escape_attempt_on_the_line_it_is_made(String file) {
        String drl = read("refused", file);
        String artifact = artifactFor(drl);
        List<ArtifactError> errors = PolicySandbox.check(withArtifact(artifact, drl));

        assertThat(errors)
                .as("refusals of %s", file)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.artifact()).isEqualTo(artifact));
        List<String> lines = drl.lines().toList();
        int marked = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.find()) continue;
            marked++;
            int line = i + 1;
            String words = marker.group(1);
            assertThat(errors)
                    .as("%s line %d: %s; got %s", file, line, lines.get(i).strip(), errors)
                    .anySatisfy(e -> {
                        assertThat(e.line()).isEqualTo(line);
                        if (words != null) assertThat(e.message()).contains(words);
                    });
        }
        assertThat(marked).as("lines marked '<- refused' in %s", file).isPositive();
    }

    @ParameterizedTest(name = "allows {0}")
    @MethodSource("allowed")
    void allows_policies_written_with_the_vocabulary_and_they_compile(String file) {
        String drl = read("allowed", file);
        PolicyPackage policy = withArtifact(artifactFor(drl), drl);

        assertThat(PolicySandbox.check(policy)).as("refusals of %s", file).isEmpty();
        try (CompiledPolicy compiled = PolicyCompiler.compile(policy, 1)) {
            assertThat(compiled.market()).isEqualTo("GB");
        }
    }

    @ParameterizedTest(name = "the {0} seed package passes")
    @ValueSource(strings = {"IN", "ID", "PH", "BR", "MX", "GB"})
    void every_seed_package_passes_unchanged(String market) {
        assertThat(PolicySandbox.check(SeedPackagesOnDisk.load(market))).isEmpty();
    }

    @Test
    void names_the_artifact_line_and_column_and_says_what_is_allowed() {
        String drl = read("refused", "system-exit-in-consequence.drl");
        List<ArtifactError> errors = PolicySandbox.check(withArtifact(PolicyPackage.APPROVAL, drl));

        assertThat(errors).hasSize(1);
        ArtifactError error = errors.get(0);
        assertThat(error.artifact()).isEqualTo("approval.drl");
        assertThat(error.line()).isEqualTo(12);
        assertThat(error.column()).isEqualTo(5);
        assertThat(error.message())
                .startsWith("rule \"exit\": calls System.exit, which policies may not call")
                .contains("the vocabulary's own methods (see docs/authoring.md), Math");
    }

    @Test
    void explains_why_loops_are_refused() {
        List<ArtifactError> errors =
                PolicySandbox.check(withArtifact(PolicyPackage.PRICING, read("refused", "while-true-spin.drl")));

        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("loops (while, for, do) are not allowed")
                        .contains("Java cannot stop a rule while it runs"));
    }

    @Test
    void leaves_syntax_errors_to_the_compiler_which_reports_them_and_compiles_nothing() {
        PolicyPackage policy = withArtifact(PolicyPackage.APPROVAL, read("", "syntax-error.drl"));

        assertThat(PolicySandbox.check(policy)).isEmpty();
        assertThatThrownBy(() -> PolicyCompiler.compile(policy, 1))
                .isInstanceOfSatisfying(
                        PolicyCompilationException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(error -> assertThat(error.line()).isEqualTo(8)));
    }

    @Test
    void the_allow_list_names_every_fact_of_the_vocabulary_and_nothing_else() throws IOException {
        Path vocabulary = SeedPackagesOnDisk.root().resolve("credence-engine/src/main/java/io/credence/vocabulary");
        List<String> classes;
        try (Stream<Path> files = Files.list(vocabulary)) {
            classes = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .toList();
        }
        assertThat(PolicySandboxAllowList.factNames()).containsExactlyInAnyOrderElementsOf(classes);
    }

    @Test
    void refuses_regular_expressions_that_can_backtrack_for_ever() {
        assertThat(DrlExpressionChecker.regexProblem("[A-Z]{2}-[0-9]+")).isNull();
        assertThat(DrlExpressionChecker.regexProblem("^(FOO|BAR)$")).isNull();
        assertThat(DrlExpressionChecker.regexProblem("(a+)+$")).contains("exponential");
        assertThat(DrlExpressionChecker.regexProblem("(a|ab)*c")).contains("exponential");
        assertThat(DrlExpressionChecker.regexProblem("((ab)*c)+")).contains("exponential");
        assertThat(DrlExpressionChecker.regexProblem("(a)\\1")).contains("back-reference");
        assertThat(DrlExpressionChecker.regexProblem(".*a.*b.*c")).contains("more than two open-ended repetitions");
        assertThat(DrlExpressionChecker.regexProblem("[")).contains("not a valid");
    }

    private static PolicyPackage withArtifact(String artifact, String drl) {
        Map<String, String> artifacts =
                new HashMap<>(SeedPackagesOnDisk.load("GB").artifacts());
        artifacts.put(artifact, drl);
        return PolicyPackage.of("GB", TestCatalogs.coverEveryCode(artifacts));
    }

    /** The artifact a corpus file stands for, from its package; a wrong package is tried as approval.drl. */
    private static String artifactFor(String drl) {
        Matcher pkg = PACKAGE.matcher(drl);
        String name = pkg.find() ? pkg.group(1) : "";
        return PolicySandbox.DRL_ARTIFACTS.contains(name + ".drl") ? name + ".drl" : PolicyPackage.APPROVAL;
    }

    private static Stream<String> corpus(String folder) {
        try (Stream<Path> files = Files.list(folder(folder))) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".drl"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String folder, String file) {
        try {
            return Files.readString(folder(folder).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String name) {
        try {
            return Path.of(PolicySandboxTest.class
                    .getResource("PolicySandboxTest/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

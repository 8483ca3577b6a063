package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.credence.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The compiler reports what is wrong with a package the way an analyst needs it: every error at
 * once, each with its artifact and, where the artifact has lines, its line and column.
 */
class PolicyCompilerTest {

    @Test
    void compiles_a_seed_package_and_digests_its_exact_content() {
        PolicyPackage seed = SeedPackagesOnDisk.load("IN");

        try (CompiledPolicy policy = PolicyCompiler.compile(seed, 3)) {
            assertThat(policy.market()).isEqualTo("IN");
            assertThat(policy.version()).isEqualTo(3);
            assertThat(policy.digest()).isEqualTo(seed.digest()).startsWith("sha256:");
        }
    }

    @Test
    void reports_every_drl_error_with_its_artifact_line_and_column() {
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(
                PolicyPackage.APPROVAL, fixture("broken-approval.drl"),
                PolicyPackage.PRICING, fixture("broken-pricing.drl")));

        assertThat(errors)
                .extracting(ArtifactError::artifact)
                .containsOnly(PolicyPackage.APPROVAL, PolicyPackage.PRICING);
        assertThat(errors)
                .as("every error has a line")
                .allSatisfy(e ->
                        assertThat(e.line()).as("line of %s", e).isNotNull().isPositive());
        assertThat(errors).as("the unknown field, line 7").anySatisfy(e -> isAt(e, PolicyPackage.APPROVAL, 7));
        assertThat(errors).as("the unknown fact type, line 15").anySatisfy(e -> isAt(e, PolicyPackage.APPROVAL, 15));
        assertThat(errors)
                .as("the typo in the pricing consequence, line 9")
                .anySatisfy(e -> isAt(e, PolicyPackage.PRICING, 9));
        assertThat(errors)
                .extracting(ArtifactError::message)
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void reports_a_drl_syntax_error_with_its_line_and_column() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.FRAUD, fixture("syntax-error-fraud.drl")));

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.artifact()).isEqualTo(PolicyPackage.FRAUD));
        assertThat(errors).anySatisfy(PolicyCompilerTest::hasAPosition);
        assertThat(errors)
                .extracting(ArtifactError::line)
                .as("the unclosed pattern opens on line 7")
                .anySatisfy(line -> assertThat(line).isBetween(7, 9));
    }

    @Test
    void refuses_a_rule_that_changes_working_memory_and_could_loop() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.APPROVAL, fixture("modifying-approval.drl")));

        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.APPROVAL);
            assertThat(e.line()).as("line of %s", e).isEqualTo(10);
        });
        assertThat(errors)
                .extracting(ArtifactError::message)
                .anySatisfy(m -> assertThat(m).contains("modify"));
    }

    @Test
    void reports_a_pmml_that_does_not_load() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.SCORECARD, fixture("not-well-formed.pmml")));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD);
            assertThat(e.message()).isNotBlank();
        });
    }

    @Test
    void reports_a_scorecard_input_that_is_not_in_the_vocabulary() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.SCORECARD, fixture("unknown-input.pmml")));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD);
            assertThat(e.message()).contains("applicant.shoeSize").contains("bureau.score");
        });
    }

    @Test
    void reports_every_problem_in_the_market_settings() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.SETTINGS, fixture("invalid-settings.json")));

        assertThat(errors).allSatisfy(e -> assertThat(e.artifact()).isEqualTo(PolicyPackage.SETTINGS));
        assertThat(errors)
                .extracting(ArtifactError::message)
                .anySatisfy(m -> assertThat(m).contains("GB").contains("IN"))
                .anySatisfy(m -> assertThat(m).contains("POUNDS"))
                .anySatisfy(m -> assertThat(m).contains("maxAmount"))
                .anySatisfy(m -> assertThat(m).contains("maxApr"))
                .anySatisfy(m -> assertThat(m).contains("scoreMax"))
                .anySatisfy(m -> assertThat(m).contains("AP_UNDERAGE"));
    }

    @Test
    void reports_malformed_market_settings_with_line_and_column() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.SETTINGS, fixture("malformed-settings.json")));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SETTINGS);
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isNotNull().isPositive();
        });
    }

    @Test
    void reports_errors_in_several_artifacts_at_once() {
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(
                PolicyPackage.APPROVAL, fixture("broken-approval.drl"),
                PolicyPackage.SCORECARD, fixture("unknown-input.pmml"),
                PolicyPackage.SETTINGS, fixture("invalid-settings.json")));

        assertThat(errors)
                .extracting(ArtifactError::artifact)
                .contains(PolicyPackage.APPROVAL, PolicyPackage.SCORECARD, PolicyPackage.SETTINGS);
    }

    @Test
    void reports_a_missing_artifact_and_an_unknown_one() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.remove(PolicyPackage.PRICING);
        artifacts.put(PolicyPackage.APPROVAL, "  ");

        List<ArtifactError> missing = CompileErrors.of(PolicyPackage.of("IN", artifacts));
        assertThat(missing)
                .extracting(ArtifactError::artifact)
                .containsExactlyInAnyOrder(PolicyPackage.PRICING, PolicyPackage.APPROVAL);

        Map<String, String> extra = new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        extra.put("notes.txt", "remember to update the cut-offs");
        assertThat(CompileErrors.of(PolicyPackage.of("IN", extra)))
                .singleElement()
                .satisfies(e -> assertThat(e.artifact()).isEqualTo("notes.txt"));
    }

    @Test
    void the_exception_message_lists_each_error_with_its_position() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.put(PolicyPackage.APPROVAL, fixture("broken-approval.drl"));

        PolicyCompilationException failure = catchThrowableOfType(
                PolicyCompilationException.class, () -> PolicyCompiler.compile(PolicyPackage.of("IN", artifacts), 1));

        assertThat(failure.getMessage()).contains("approval.drl:7").contains("approval.drl:15");
    }

    private static void isAt(ArtifactError error, String artifact, int line) {
        assertThat(error.artifact()).isEqualTo(artifact);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.column()).as("column of %s", error).isNotNull().isPositive();
    }

    private static void hasAPosition(ArtifactError error) {
        assertThat(error.line()).as("line of %s", error).isNotNull().isPositive();
        assertThat(error.column()).as("column of %s", error).isNotNull().isNotNegative();
    }

    private static String fixture(String name) {
        return Fixtures.text(PolicyCompilerTest.class, name);
    }
}

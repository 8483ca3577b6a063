package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.credence.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which reason codes a package can give: what its reason-message catalogs must cover. */
class ReasonCodesTest {

    private static final List<String> SEED_SCORECARD_CODES = List.of(
            "SC_BUREAU_SCORE",
            "SC_CREDIT_HISTORY",
            "SC_DEBT_TO_INCOME",
            "SC_DELINQUENCY",
            "SC_EMPLOYMENT_TENURE",
            "SC_EMPLOYMENT_TYPE",
            "SC_INQUIRIES",
            "SC_RESIDENCE");

    @Test
    void finds_the_codes_rules_pass_as_text_to_decline_refer_and_add_reason() {
        SortedSet<String> codes = ReasonCodes.of(Map.of(PolicyPackage.APPROVAL, fixture("emitting-approval.drl")));

        assertThat(codes).contains("AP_UNDERAGE", "AP_THIN_FILE", "AP_BORDERLINE_SCORE");
    }

    @Test
    void ignores_codes_that_only_appear_in_comments() {
        SortedSet<String> codes = ReasonCodes.of(Map.of(PolicyPackage.APPROVAL, fixture("emitting-approval.drl")));

        assertThat(codes).doesNotContain("AP_RETIRED_CODE", "AP_IN_A_BLOCK_COMMENT");
    }

    @Test
    void always_includes_the_engine_codes() {
        SortedSet<String> engine = new TreeSet<>();
        EngineReasons.codes().forEach(engine::add);

        assertThat(ReasonCodes.of(Map.of())).containsExactlyElementsOf(engine);
        assertThat(ReasonCodes.bySource(Map.of()).get(EngineReasons.NO_DECISION))
                .containsExactly(ReasonCodes.ENGINE);
    }

    @Test
    void finds_the_reason_codes_of_the_scorecard() {
        String pmml = SeedPackagesOnDisk.load("IN").artifact(PolicyPackage.SCORECARD);

        var bySource = ReasonCodes.bySource(Map.of(PolicyPackage.SCORECARD, pmml));

        assertThat(bySource).containsKeys(SEED_SCORECARD_CODES.toArray(String[]::new));
        SEED_SCORECARD_CODES.forEach(code -> assertThat(bySource.get(code)).containsExactly(PolicyPackage.SCORECARD));
    }

    @Test
    void names_every_artifact_that_can_give_a_code() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.put(
                PolicyPackage.PRICING,
                artifacts
                        .get(PolicyPackage.PRICING)
                        .replace("addReason(\"PR_AMOUNT_REDUCED\")", "addReason(\"AP_UNDERAGE\")"));

        assertThat(ReasonCodes.bySource(artifacts).get("AP_UNDERAGE"))
                .containsExactly(PolicyPackage.APPROVAL, PolicyPackage.PRICING);
    }

    @Test
    void still_lists_the_codes_of_a_rule_that_does_not_parse_yet() {
        SortedSet<String> codes = ReasonCodes.of(Map.of(PolicyPackage.APPROVAL, fixture("unreadable-approval.drl")));

        assertThat(codes).contains("AP_STILL_LISTED");
    }

    @Test
    void still_lists_the_codes_of_a_scorecard_that_is_not_well_formed() {
        SortedSet<String> codes = ReasonCodes.of(Map.of(PolicyPackage.SCORECARD, fixture("unreadable-scorecard.pmml")));

        assertThat(codes).contains("SC_AGE", "SC_YOUNG");
    }

    @Test
    void refuses_a_code_that_is_not_written_out_as_text_because_it_could_not_be_translated() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.put(PolicyPackage.APPROVAL, fixture("computed-code-approval.drl"));

        PolicyCompilationException failure = catchThrowableOfType(
                PolicyCompilationException.class,
                () -> PolicyCompiler.compile(PolicyPackage.of("IN", artifacts), 1)
                        .close());

        assertThat(failure).isNotNull();
        List<ArtifactError> refused = failure.errors().stream()
                .filter(e -> e.message().contains("not written out as text"))
                .toList();
        assertThat(refused).extracting(ArtifactError::artifact).containsOnly(PolicyPackage.APPROVAL);
        assertThat(refused).extracting(ArtifactError::line).containsExactly(11, 19);
        assertThat(refused)
                .allSatisfy(
                        e -> assertThat(e.message()).contains("needs a message").contains("reasons.json"));
    }

    private static String fixture(String name) {
        return Fixtures.text(ReasonCodesTest.class, name);
    }
}

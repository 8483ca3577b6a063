package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.experiment.ExperimentStatistics.Totals;
import io.credence.support.Fixtures;
import io.credence.support.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The experiment figures against the same figures worked out by hand in the fixtures. */
class ExperimentStatisticsTest {

    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> handComputedCases() {
        JsonNode fixture = Json.read(Fixtures.text(ExperimentStatisticsTest.class, "approval-rate-differences.json"));
        return fixture.get("cases")
                .valueStream()
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handComputedCases")
    void rates_and_the_approval_rate_difference_match_the_hand_computation(String name, JsonNode c) {
        ArmStatistics champion = ExperimentStatistics.arm("champion", List.of(1), totals(c.get("champion")), Map.of());
        ArmStatistics challenger =
                ExperimentStatistics.arm("challenger", List.of(2), totals(c.get("challenger")), Map.of());
        ApprovalRateDifference difference = ExperimentStatistics.difference(champion, challenger);
        JsonNode expected = c.get("expected");

        assertThat(champion.approvalRate())
                .isCloseTo(expected.get("championApprovalRate").asDouble(), within(TOLERANCE));
        assertThat(champion.declineRate())
                .isCloseTo(expected.get("championDeclineRate").asDouble(), within(TOLERANCE));
        assertThat(champion.referRate())
                .isCloseTo(expected.get("championReferRate").asDouble(), within(TOLERANCE));
        assertThat(challenger.approvalRate())
                .isCloseTo(expected.get("challengerApprovalRate").asDouble(), within(TOLERANCE));
        assertThat(challenger.declineRate())
                .isCloseTo(expected.get("challengerDeclineRate").asDouble(), within(TOLERANCE));
        assertThat(challenger.referRate())
                .isCloseTo(expected.get("challengerReferRate").asDouble(), within(TOLERANCE));
        assertThat(difference.difference()).isCloseTo(expected.get("difference").asDouble(), within(TOLERANCE));
        assertThat(difference.lower()).isCloseTo(expected.get("lower").asDouble(), within(TOLERANCE));
        assertThat(difference.upper()).isCloseTo(expected.get("upper").asDouble(), within(TOLERANCE));
        assertThat(difference.confidence()).isEqualTo(0.95);
        assertThat(difference.significant())
                .isEqualTo(expected.get("significant").asBoolean());
    }

    @Test
    void there_is_no_difference_until_both_arms_have_decided() {
        ArmStatistics champion =
                ExperimentStatistics.arm("champion", List.of(1), new Totals(10, 7, 2, 1, 600.0, 0.2, 1000.0), Map.of());
        ArmStatistics challenger = ExperimentStatistics.arm("challenger", List.of(), Totals.NONE, Map.of());

        assertThat(ExperimentStatistics.difference(champion, challenger)).isNull();
        assertThat(challenger.approvalRate()).isZero();
        assertThat(challenger.meanScore()).isNull();
        assertThat(champion.meanApr()).isEqualTo(0.2);
    }

    @Test
    void top_reasons_count_each_code_across_the_combinations_it_appears_in() {
        JsonNode fixture = Json.read(Fixtures.text(getClass(), "top-reasons.json"));
        Map<String, Long> combinations = new LinkedHashMap<>();
        fixture.get("combinations")
                .properties()
                .forEach(e -> combinations.put(e.getKey(), e.getValue().asLong()));

        List<ArmStatistics.ReasonCount> top = ExperimentStatistics.topReasons(
                combinations, fixture.get("decisions").asLong());

        assertThat(top).hasSize(fixture.get("expected").size());
        for (int i = 0; i < top.size(); i++) {
            JsonNode expected = fixture.get("expected").get(i);
            assertThat(top.get(i).code()).isEqualTo(expected.get("code").asString());
            assertThat(top.get(i).count()).isEqualTo(expected.get("count").asLong());
            assertThat(top.get(i).share()).isCloseTo(expected.get("share").asDouble(), within(TOLERANCE));
        }
    }

    private static Totals totals(JsonNode arm) {
        return new Totals(
                arm.get("count").asLong(),
                arm.get("approvals").asLong(),
                arm.get("declines").asLong(),
                arm.get("refers").asLong(),
                null,
                null,
                null);
    }
}

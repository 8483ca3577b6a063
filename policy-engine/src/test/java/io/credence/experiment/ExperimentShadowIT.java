package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shadow experiment: every answer comes from the champion, while the challenger's decision on the
 * same application is recorded with it and compared in the experiment's report.
 */
class ExperimentShadowIT extends ExperimentScenario {

    private static final String MARKET = "YW";
    private static final int APPLICATIONS = 60;

    @Test
    void shadow_answers_come_from_the_champion_and_the_challengers_decisions_are_recorded_and_compared() {
        int champion = deployedMarket(MARKET);
        int challenger = approvedVersion(MARKET, "approval.drl", rule("decline-below-100k-income.drl"));
        JsonNode started = start(MARKET, """
                {"challengerVersion": %d, "mode": "SHADOW"}""".formatted(challenger));
        String id = started.get("id").asString();
        assertThat(started.get("trafficPercent").asInt()).isEqualTo(100);
        assertThat(marketSummary(MARKET).at("/experiment/mode").asString()).isEqualTo("SHADOW");

        Map<String, JsonNode> answers = new HashMap<>();
        Map<String, Boolean> lowIncome = new HashMap<>();
        long expectedDiffering = 0;
        for (int i = 0; i < APPLICATIONS; i++) {
            ObjectNode application = application(MARKET, "C-" + MARKET + "-" + i);
            boolean low = i % 2 == 0;
            ((ObjectNode) application.get("applicant")).put("monthlyIncome", low ? 85_000 : 150_000);
            JsonNode answer = decided(application);
            assertThat(answer.at("/policy/arm").asString()).isEqualTo("champion");
            assertThat(answer.at("/policy/version").asInt()).isEqualTo(champion);
            answers.put(answer.get("decisionId").asString(), answer);
            lowIncome.put(answer.get("decisionId").asString(), low);
            if (low && !answer.get("outcome").asString().equals("DECLINE")) expectedDiffering++;
        }
        assertThat(expectedDiffering)
                .as("the champion approves prime applicants the challenger declines")
                .isPositive();

        for (Map.Entry<String, JsonNode> entry : answers.entrySet()) {
            JsonNode stored =
                    get("/api/v1/decisions/" + entry.getKey(), REVIEWER).json();
            JsonNode shadow = stored.get("shadow");
            assertThat(stored.at("/policy/arm").asString()).isEqualTo("champion");
            assertThat(shadow.at("/policy/arm").asString()).isEqualTo("challenger");
            assertThat(shadow.at("/policy/version").asInt()).isEqualTo(challenger);
            assertThat(shadow.get("outcome").asString())
                    .isEqualTo(
                            lowIncome.get(entry.getKey())
                                    ? "DECLINE"
                                    : entry.getValue().get("outcome").asString());
        }

        JsonNode report = report(MARKET, id);
        assertThat(report.at("/arms/champion/count").asLong()).isEqualTo(APPLICATIONS);
        assertThat(report.at("/arms/challenger/count").asLong()).isEqualTo(APPLICATIONS);
        assertThat(report.at("/arms/challenger/versions").toString()).isEqualTo("[" + challenger + "]");
        long championApprovals = answers.values().stream()
                .filter(a -> a.get("outcome").asString().equals("APPROVE"))
                .count();
        assertThat(report.at("/arms/champion/approvals").asLong()).isEqualTo(championApprovals);
        JsonNode shadow = report.get("shadow");
        assertThat(shadow.get("compared").asLong()).isEqualTo(APPLICATIONS);
        assertThat(shadow.get("differing").asLong()).isEqualTo(expectedDiffering);
        long matrixTotal = 0;
        for (JsonNode pair : shadow.get("matrix"))
            matrixTotal += pair.get("count").asLong();
        assertThat(matrixTotal).isEqualTo(APPLICATIONS);
        assertThat(shadow.get("sample").size()).isEqualTo((int) Math.min(20, expectedDiffering));
        for (JsonNode differing : shadow.get("sample")) {
            assertThat(lowIncome.get(differing.get("decisionId").asString())).isTrue();
            assertThat(differing.get("challengerOutcome").asString()).isEqualTo("DECLINE");
            assertThat(differing.get("challengerReasons").toString()).contains("AP_INCOME_BELOW_MINIMUM");
        }
        List<String> topChallengerReasons =
                new ArrayList<>(Json.texts(report.at("/arms/challenger/topReasons"), "code"));
        assertThat(topChallengerReasons).contains("AP_INCOME_BELOW_MINIMUM");

        assertThat(post(experiments(MARKET) + "/" + id + "/stop", REVIEWER, "{}")
                        .status())
                .isEqualTo(200);
    }
}

package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Promoting the challenger makes it the champion through the hot-deploy path, recorded in the audit trail;
 * it is a deployment, so an admin's (contract: Policy lifecycle changes).
 */
class ExperimentPromoteIT extends ExperimentScenario {

    private static final String MARKET = "YP";

    @Test
    void promoting_the_challenger_makes_it_the_champion_and_ends_the_experiment() {
        int champion = deployedMarket(MARKET);
        int challenger = approvedVersion(
                MARKET, "pricing.drl", rule("version-marker.drl").replace("MARKER", "198000"));
        String id = start(MARKET, """
                {"challengerVersion": %d, "trafficPercent": 20, "mode": "SPLIT"}""".formatted(challenger)).get("id").asString();
        for (int i = 0; i < 20; i++) decided(application(MARKET, "C-" + MARKET + "-" + i));

        assertThat(post(experiments(MARKET) + "/" + id + "/promote", ANALYST, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(post(experiments(MARKET) + "/" + id + "/promote", REVIEWER2, "{}")
                        .status())
                .isEqualTo(403);
        ApiResponse promoted = post(experiments(MARKET) + "/" + id + "/promote", ADMIN, "{}");
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().get("status").asString()).isEqualTo("PROMOTED");
        assertThat(promoted.json().get("endedBy").asString()).isEqualTo("admin");

        JsonNode market = marketSummary(MARKET);
        assertThat(market.at("/champion/version").asInt()).isEqualTo(challenger);
        assertThat(market.get("experiment").isNull()).isTrue();
        assertThat(get("/api/v1/markets/" + MARKET + "/versions/" + challenger, ANALYST)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DEPLOYED");
        assertThat(get("/api/v1/markets/" + MARKET + "/versions/" + champion, ANALYST)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RETIRED");
        for (int i = 0; i < 20; i++) {
            JsonNode answer = decided(application(MARKET, "C-" + MARKET + "-" + i));
            assertThat(answer.at("/policy/arm").asString()).isEqualTo("champion");
            assertThat(answer.at("/policy/version").asInt()).isEqualTo(challenger);
            assertThat(answer.get("approvedAmount").asInt()).isEqualTo(198_000);
        }

        List<String> actions = new ArrayList<>();
        for (JsonNode entry : audit(MARKET)) {
            actions.add(
                    entry.get("action").asString() + " by " + entry.get("actor").asString());
        }
        assertThat(actions)
                .contains("EXPERIMENT_STARTED by reviewer", "PROMOTE by admin", "EXPERIMENT_PROMOTED by admin");
        JsonNode history =
                get("/api/v1/markets/" + MARKET + "/deployments", ANALYST).json();
        assertThat(history.get(0).get("action").asString()).isEqualTo("PROMOTE");
        assertThat(history.get(0).get("version").asInt()).isEqualTo(challenger);

        assertThat(post(experiments(MARKET) + "/" + id + "/promote", ADMIN, "{}")
                        .status())
                .isEqualTo(409);
        assertThat(post(experiments(MARKET) + "/" + id + "/stop", REVIEWER, "{}")
                        .status())
                .isEqualTo(409);
    }
}

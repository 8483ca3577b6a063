package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may start an experiment, with what, and when; one running experiment per market. */
class ExperimentRulesIT extends ExperimentScenario {

    private static final String MARKET = "YR";
    private static int approved;
    private static int draft;

    @BeforeEach
    void market() {
        if (approved != 0) return;
        deployedMarket(MARKET);
        approved = approvedVersion(MARKET, null, null);
        ApiResponse created = post(
                "/api/v1/markets/" + MARKET + "/versions",
                ANALYST,
                "{\"basedOn\": 1, \"artifacts\": {}, \"note\": \"draft\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        draft = created.json().get("version").asInt();
    }

    @Test
    void only_a_reviewer_may_start_an_experiment() {
        String body = "{\"challengerVersion\": " + approved + ", \"trafficPercent\": 10, \"mode\": \"SPLIT\"}";
        assertThat(post(experiments(MARKET), NOBODY, body).status()).isEqualTo(401);
        assertThat(post(experiments(MARKET), ANALYST, body).status()).isEqualTo(403);
        assertThat(post(experiments(MARKET), ADMIN, body).status()).isEqualTo(403);
        assertThat(post(experiments(MARKET), LOAN_SYSTEM, body).status()).isEqualTo(403);
    }

    @Test
    void bad_fields_are_400_naming_every_one() {
        assertThat(fields(post(
                        experiments(MARKET), REVIEWER, "{\"challengerVersion\": \"two\", \"trafficPercent\": 150}")))
                .contains("challengerVersion", "trafficPercent");
        assertThat(fields(post(experiments(MARKET), REVIEWER, "{\"mode\": \"AB\"}")))
                .contains("challengerVersion", "mode");
        assertThat(fields(post(
                        experiments(MARKET),
                        REVIEWER,
                        "{\"challengerVersion\": 2, \"mode\": \"SHADOW\", \"trafficPercent\": 30}")))
                .containsExactly("trafficPercent");
        assertThat(fields(post(experiments(MARKET), REVIEWER, "{\"challengerVersion\": 2, \"trafficPercent\": 0.5}")))
                .containsExactly("trafficPercent");
        assertThat(
                        fields(
                                post(
                                        experiments(MARKET),
                                        REVIEWER,
                                        "{\"challengerVersion\": 2, \"trafficPercent\": 10, \"maxApprovalRateDifference\": 1.5, \"minimumSample\": 0}")))
                .contains("maxApprovalRateDifference", "minimumSample");
        assertThat(post(experiments(MARKET), REVIEWER, "{not json").status()).isEqualTo(400);
        assertThat(post(experiments(MARKET), REVIEWER, "[]").status()).isEqualTo(400);
    }

    @Test
    void only_an_approved_or_deployed_version_can_be_the_challenger() {
        assertThat(post(experiments(MARKET), REVIEWER, "{\"challengerVersion\": " + draft + ", \"trafficPercent\": 10}")
                        .status())
                .isEqualTo(409);
        assertThat(post(experiments(MARKET), REVIEWER, "{\"challengerVersion\": 99, \"trafficPercent\": 10}")
                        .status())
                .isEqualTo(409);
        assertThat(post(experiments("QZ"), REVIEWER, "{\"challengerVersion\": 1, \"trafficPercent\": 10}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_market_runs_one_experiment_at_a_time_and_a_stopped_one_can_be_followed_by_another() {
        String body = "{\"challengerVersion\": " + approved + ", \"trafficPercent\": 10, \"mode\": \"SPLIT\"}";
        String first = start(MARKET, body).get("id").asString();
        ApiResponse second = post(experiments(MARKET), REVIEWER2, body);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains(first);

        JsonNode list = get(experiments(MARKET), ANALYST).json();
        assertThat(Json.texts(list, "id")).contains(first);
        assertThat(get(experiments(MARKET) + "/no-such-experiment", ANALYST).status())
                .isEqualTo(404);
        assertThat(get(experiments("IN") + "/" + first, ANALYST).status())
                .as("another market's experiment")
                .isEqualTo(404);
        assertThat(post(experiments(MARKET) + "/" + first + "/stop", ANALYST, "{}")
                        .status())
                .isEqualTo(403);

        ApiResponse stopped = post(experiments(MARKET) + "/" + first + "/stop", REVIEWER2, "{}");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("endedBy").asString()).isEqualTo("reviewer2");
        assertThat(post(experiments(MARKET) + "/" + first + "/stop", REVIEWER, "{}")
                        .status())
                .isEqualTo(409);

        String next = start(MARKET, body).get("id").asString();
        assertThat(next).isNotEqualTo(first);
        assertThat(post(experiments(MARKET) + "/" + next + "/stop", REVIEWER, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(Json.texts(audit(MARKET), "action")).contains("EXPERIMENT_STARTED", "EXPERIMENT_STOPPED");
    }

    private static java.util.List<String> fields(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return Json.texts(response.json().get("errors"), "field");
    }
}

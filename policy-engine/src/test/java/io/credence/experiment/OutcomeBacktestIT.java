package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Eventually;
import io.credence.support.Json;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A backtest over logged decisions labels each application from its loan's outcomes (in a market of its
 * own, so the count of labelled rows is exact). Only bad loans can have matured on the day they were
 * decided, so the labels here are all bad.
 */
class OutcomeBacktestIT extends ExperimentScenario {

    private static final String MARKET = "YB";

    @Test
    void a_backtest_over_logged_decisions_labels_the_rows_whose_loans_have_outcomes_and_says_so() {
        int version = deployedMarket(MARKET);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ArrayNode outcomes = Json.MAPPER.createArrayNode();
        int approved = 0;
        for (int i = 0; i < 12; i++) {
            JsonNode answer = decided(application(MARKET, "C-backtest-" + i));
            if (!answer.get("outcome").asString().equals("APPROVE")) continue;
            approved++;
            ObjectNode record = Json.object()
                    .put("applicationId", answer.get("applicationId").asString())
                    .put("asOf", today.toString())
                    .put("funded", true)
                    .put("fundedAt", today.toString());
            // three bad loans, two still young and current (no label yet)
            if (approved <= 3) record.put("daysPastDue", 0).put("status", "DEFAULTED");
            else if (approved <= 5) record.put("daysPastDue", 0).put("status", "CURRENT");
            else continue;
            outcomes.add(record);
        }
        ObjectNode batch = Json.object();
        batch.set("outcomes", outcomes);
        assertThat(post("/api/v1/outcomes", LOAN_SYSTEM, batch)
                        .json()
                        .get("accepted")
                        .asInt())
                .isEqualTo(5);

        ApiResponse started =
                post("/api/v1/markets/" + MARKET + "/simulations", ANALYST, """
                {"version": %d, "against": %d, "source": "decisions", "limit": 1000}""".formatted(version, version));
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode done = Eventually.await(
                "backtest " + id + " to complete",
                Duration.ofSeconds(60),
                () -> get("/api/v1/markets/" + MARKET + "/simulations/" + id, ANALYST)
                        .json(),
                run -> run.get("status").asString().equals("COMPLETED"));

        assertThat(done.get("rowsDecided").asLong()).isEqualTo(12);
        assertThat(done.get("rowsLabelled").asLong()).isEqualTo(3);
        assertThat(done.at("/badRates/candidate").asDouble()).isEqualTo(1.0);
        assertThat(done.get("labels").asString()).contains("3 of 12").contains("declined");
    }
}

package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Eventually;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A challenger that declines everyone breaches its guard rail and the experiment stops itself. */
class ExperimentGuardRailIT extends ExperimentScenario {

    private static final String MARKET = "YG";

    @Test
    void a_challenger_beyond_its_approval_rate_guard_rail_is_stopped_and_audited() {
        int champion = deployedMarket(MARKET);
        int challenger = approvedVersion(MARKET, "approval.drl", rule("decline-everyone.drl"));
        JsonNode started = start(MARKET, """
                {"challengerVersion": %d, "trafficPercent": 50, "mode": "SPLIT",
                 "maxApprovalRateDifference": 0.10, "minimumSample": 20}""".formatted(challenger));
        String id = started.get("id").asString();
        assertThat(started.get("maxApprovalRateDifference").decimalValue()).isEqualByComparingTo("0.10");

        AtomicInteger customer = new AtomicInteger();
        JsonNode stopped = Eventually.await(
                "the guard rail to stop experiment " + id,
                Duration.ofSeconds(60),
                () -> {
                    for (int i = 0; i < 10; i++)
                        decided(application(MARKET, "C-" + MARKET + "-" + customer.incrementAndGet()));
                    return report(MARKET, id);
                },
                report -> report.get("status").asString().equals("STOPPED_BY_GUARD_RAIL"));

        assertThat(stopped.get("endedBy").asString()).isEqualTo("system");
        assertThat(stopped.get("endReason").asString()).contains("guard rail");
        assertThat(stopped.at("/arms/challenger/count").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(stopped.at("/arms/challenger/approvalRate").asDouble()).isZero();
        assertThat(marketSummary(MARKET).get("experiment").isNull()).isTrue();
        boolean audited = false;
        for (JsonNode entry : audit(MARKET)) {
            if (entry.get("action").asString().equals("EXPERIMENT_STOPPED_BY_GUARD_RAIL")) {
                audited = entry.get("actor").asString().equals("system")
                        && entry.get("subject").asString().contains(id);
            }
        }
        assertThat(audited).as("an audit entry for the guard rail's stop").isTrue();
        for (int i = 1; i <= 20; i++) {
            JsonNode answer = decided(application(MARKET, "C-" + MARKET + "-" + i));
            assertThat(answer.at("/policy/arm").asString()).isEqualTo("champion");
            assertThat(answer.at("/policy/version").asInt()).isEqualTo(champion);
        }
    }
}

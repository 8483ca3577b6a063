package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.ApiResponse;
import io.credence.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives decisions, a faulty version, a rollback and a backtest through the API in a market of the test's own,
 * then reads /actuator/prometheus as Prometheus would and checks each figure against what the API
 * answered. Differences between two scrapes, so whatever other tests did before does not matter.
 */
class OperationsMetricsIT extends OperationsScenario {

    private static final String MARKET = "YM";
    private static final String DECISIONS = "/api/v1/decisions";

    @Test
    void decisions_faults_deployments_and_log_writes_are_counted_and_timed_per_market() {
        Scrape before = scrape();

        int v1 = deploy(MARKET, null);
        List<JsonNode> answers = new ArrayList<>();
        ObjectNode first = application(MARKET, "prime-applicant.json");
        answers.add(decided(first));
        for (int i = 0; i < 3; i++) answers.add(decided(application(MARKET, "prime-applicant.json")));
        for (int i = 0; i < 3; i++) answers.add(decided(application(MARKET, "subprime-applicant.json")));
        decided(first); // the same application again: answered from the log, not a new decision

        int v2 = deploy(MARKET, fixture("leaky-approval-rule.drl"));
        for (int i = 0; i < 2; i++) answers.add(decided(application(MARKET, "prime-applicant.json")));
        ok(post("/api/v1/markets/" + MARKET + "/rollback", ADMIN, "{}"));
        JsonNode backtest = backtest(v2, v1);

        Scrape after = scrape();
        assertThat(answers.subList(7, 9))
                .allSatisfy(a -> assertThat(a.get("outcome").asString()).isEqualTo("REFER"));

        for (int version : List.of(v1, v2)) {
            for (String outcome : List.of("APPROVE", "DECLINE", "REFER")) {
                long answered = answers.stream()
                        .filter(a -> a.at("/policy/version").asInt() == version
                                && a.get("outcome").asString().equals(outcome))
                        .count();
                assertThat(delta(
                                before,
                                after,
                                "credence_decisions_total",
                                Map.of(
                                        "market",
                                        MARKET,
                                        "outcome",
                                        outcome,
                                        "arm",
                                        "champion",
                                        "version",
                                        Integer.toString(version))))
                        .as("v%d %s", version, outcome)
                        .isEqualTo(answered);
            }
        }
        assertThat(delta(
                        before,
                        after,
                        "credence_decision_faults_total",
                        Map.of("market", MARKET, "kind", "policy_fault")))
                .isEqualTo(2);
        assertThat(delta(
                        before,
                        after,
                        "credence_decision_faults_total",
                        Map.of("market", MARKET, "kind", "time_budget")))
                .isZero();

        Map<String, String> market = Map.of("market", MARKET);
        assertThat(delta(before, after, "credence_decision_engine_seconds_count", market))
                .isEqualTo(answers.size());
        double engineSeconds = answers.stream()
                        .mapToLong(a -> a.get("durationMicros").asLong())
                        .sum()
                / 1e6;
        assertThat(delta(before, after, "credence_decision_engine_seconds_sum", market))
                .isCloseTo(engineSeconds, within(1e-6));
        assertThat(delta(
                        before,
                        after,
                        "credence_decision_engine_seconds_bucket",
                        Map.of("market", MARKET, "le", "+Inf")))
                .isEqualTo(answers.size());
        assertThat(after.matching("credence_decision_engine_seconds_bucket", market))
                .hasSizeGreaterThan(10);

        Map<String, String> decisionCalls =
                Map.of("market", MARKET, "uri", DECISIONS, "method", "POST", "status", "200");
        assertThat(delta(before, after, "http_server_requests_seconds_count", decisionCalls))
                .isEqualTo(answers.size());
        assertThat(delta(
                        before,
                        after,
                        "http_server_requests_seconds_count",
                        Map.of("market", "none", "uri", DECISIONS, "status", "200")))
                .as("the repeated application")
                .isEqualTo(1);
        assertThat(after.matching("http_server_requests_seconds_bucket", decisionCalls))
                .as("a latency histogram per market")
                .hasSizeGreaterThan(10);

        assertThat(delta(
                        before,
                        after,
                        "credence_deployments_seconds_count",
                        Map.of("market", MARKET, "action", "DEPLOY")))
                .isEqualTo(2);
        assertThat(delta(
                        before,
                        after,
                        "credence_deployments_seconds_count",
                        Map.of("market", MARKET, "action", "ROLLBACK")))
                .isEqualTo(1);
        assertThat(after.sum("credence_deployments_seconds_sum", market)).isPositive();

        assertThat(delta(before, after, "credence_decision_log_write_seconds_count", Map.of()))
                .isEqualTo(answers.size());
        assertThat(delta(before, after, "credence_decision_log_write_seconds_sum", Map.of()))
                .isPositive();
        assertThat(after.sum("credence_decision_log_backlog", Map.of())).isZero();

        assertThat(delta(before, after, "credence_backtest_rows_total", market))
                .isEqualTo(backtest.get("rowsDecided").asLong()
                        + backtest.get("rowsInvalid").asLong())
                .isEqualTo(answers.size());
    }

    /** Replays the market's logged decisions on {@code version} against {@code against}; returns the finished run. */
    private JsonNode backtest(int version, int against) {
        String path = "/api/v1/markets/" + MARKET + "/simulations";
        ApiResponse started = post(
                path,
                ANALYST,
                "{\"version\": " + version + ", \"against\": " + against
                        + ", \"source\": \"decisions\", \"limit\": 1000}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode done = Eventually.await(
                "the backtest to finish",
                Duration.ofSeconds(60),
                () -> ok(get(path + "/" + id, ANALYST)).json(),
                run -> !run.get("status").asString().equals("QUEUED")
                        && !run.get("status").asString().equals("RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        return done;
    }

    private static double delta(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}

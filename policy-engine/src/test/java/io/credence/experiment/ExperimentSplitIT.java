package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A 30% split over HTTP: about 30% of 2,000 customers get the challenger's answer, nobody changes arm
 * on a later application, and the experiment's statistics count exactly what the loan system saw.
 */
class ExperimentSplitIT extends ExperimentScenario {

    private static final Logger log = LoggerFactory.getLogger(ExperimentSplitIT.class);
    private static final String MARKET = "YS";
    private static final int CUSTOMERS = 2_000;

    /** What one answer said, as the loan system saw it. */
    private record Seen(String arm, int version, String outcome) {}

    @Test
    void a_30_percent_split_gives_the_challenger_about_30_percent_of_customers_and_nobody_switches_arms()
            throws Exception {
        int champion = deployedMarket(MARKET);
        int challenger = approvedVersion(
                MARKET, "pricing.drl", rule("version-marker.drl").replace("MARKER", "199000"));
        JsonNode started = start(MARKET, """
                {"challengerVersion": %d, "trafficPercent": 30, "mode": "SPLIT"}""".formatted(challenger));
        String id = started.get("id").asString();
        assertThat(started.get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.get("championVersion").asInt()).isEqualTo(champion);
        JsonNode running = marketSummary(MARKET).get("experiment");
        assertThat(running.get("id").asString()).isEqualTo(id);
        assertThat(running.get("challengerVersion").asInt()).isEqualTo(challenger);
        assertThat(running.get("mode").asString()).isEqualTo("SPLIT");
        assertThat(running.get("trafficPercent").asInt()).isEqualTo(30);

        Map<String, Seen> firstAnswers = decideFor(customers(0, CUSTOMERS));
        long challengers = firstAnswers.values().stream()
                .filter(s -> s.arm().equals("challenger"))
                .count();
        double share = (double) challengers / CUSTOMERS;
        log.info(
                "30% split: {} of {} customers ({}%) got the challenger",
                challengers, CUSTOMERS, String.format(java.util.Locale.ROOT, "%.2f", 100 * share));
        assertThat(share).isBetween(0.25, 0.35);
        for (Seen seen : firstAnswers.values()) {
            assertThat(seen.version())
                    .as("the arm names the version that answered")
                    .isEqualTo(seen.arm().equals("challenger") ? challenger : champion);
        }

        List<String> again = customers(0, 300);
        Map<String, Seen> second = decideFor(again);
        Map<String, Seen> third = decideFor(again);
        for (String customer : again) {
            assertThat(second.get(customer).arm())
                    .as(customer)
                    .isEqualTo(firstAnswers.get(customer).arm());
            assertThat(third.get(customer).arm())
                    .as(customer)
                    .isEqualTo(firstAnswers.get(customer).arm());
        }

        List<Seen> all = new ArrayList<>(firstAnswers.values());
        all.addAll(second.values());
        all.addAll(third.values());
        JsonNode report = report(MARKET, id);
        for (String arm : List.of("champion", "challenger")) {
            JsonNode stats = report.at("/arms/" + arm);
            long count = all.stream().filter(s -> s.arm().equals(arm)).count();
            long approvals = all.stream()
                    .filter(s -> s.arm().equals(arm) && s.outcome().equals("APPROVE"))
                    .count();
            assertThat(stats.get("count").asLong()).as(arm).isEqualTo(count);
            assertThat(stats.get("approvals").asLong()).as(arm).isEqualTo(approvals);
            assertThat(stats.get("approvalRate").asDouble()).isCloseTo((double) approvals / count, within(1e-9));
            assertThat(stats.get("versions").get(0).asInt())
                    .isEqualTo(arm.equals("challenger") ? challenger : champion);
            assertThat(stats.get("meanScore").asDouble()).isPositive();
        }
        assertThat(report.at("/arms/challenger/meanApprovedAmount").asDouble()).isLessThanOrEqualTo(199_000);
        JsonNode difference = report.get("approvalRateDifference");
        assertThat(difference.get("difference").asDouble())
                .isCloseTo(
                        report.at("/arms/challenger/approvalRate").asDouble()
                                - report.at("/arms/champion/approvalRate").asDouble(),
                        within(1e-9));
        assertThat(difference.get("lower").asDouble())
                .isLessThanOrEqualTo(difference.get("upper").asDouble());
        assertThat(report.has("shadow")).isFalse();

        JsonNode stopped =
                post(experiments(MARKET) + "/" + id + "/stop", REVIEWER, "{}").json();
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(marketSummary(MARKET).get("experiment").isNull()).isTrue();
        String challengerCustomer = firstAnswers.entrySet().stream()
                .filter(e -> e.getValue().arm().equals("challenger"))
                .findFirst()
                .orElseThrow()
                .getKey();
        JsonNode after = decided(application(MARKET, challengerCustomer));
        assertThat(after.at("/policy/arm").asString()).isEqualTo("champion");
        assertThat(after.at("/policy/version").asInt()).isEqualTo(champion);
    }

    private static List<String> customers(int from, int to) {
        List<String> customers = new ArrayList<>();
        for (int i = from; i < to; i++) customers.add("C-" + MARKET + "-" + i);
        return customers;
    }

    /** One application per customer, sent by eight loan-system threads at once. */
    private Map<String, Seen> decideFor(List<String> customers) throws Exception {
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (String customer : customers) {
                calls.add(clients.submit(() -> {
                    JsonNode answer = decided(application(MARKET, customer));
                    seen.put(
                            customer,
                            new Seen(
                                    answer.at("/policy/arm").asString(),
                                    answer.at("/policy/version").asInt(),
                                    answer.get("outcome").asString()));
                }));
            }
            for (Future<?> call : calls) call.get();
        } finally {
            clients.shutdown();
        }
        return seen;
    }
}

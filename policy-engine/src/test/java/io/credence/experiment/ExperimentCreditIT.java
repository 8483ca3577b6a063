package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.ApiResponse;
import io.credence.support.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A split experiment judged on its loans: decisions and outcomes sent over HTTP, then each arm's funded,
 * bad and bad-rate figures, the bad-rate difference, and the market's performance report (Gini and KS)
 * checked against figures the test computes itself from what the loan system saw and reported.
 */
class ExperimentCreditIT extends ExperimentScenario {

    private static final String MARKET = "YO";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final double Z = 1.959963984540054;

    private record Loan(String applicationId, String arm, int version, double score, boolean funded, boolean bad) {}

    @Test
    void each_arm_shows_its_funded_and_bad_loans_and_the_bad_rate_difference_with_its_interval() {
        int champion = deployedMarket(MARKET);
        int challenger = approvedVersion(
                MARKET, "pricing.drl", rule("version-marker.drl").replace("MARKER", "177000"));
        String id = start(MARKET, """
                {"challengerVersion": %d, "trafficPercent": 50, "mode": "SPLIT"}""".formatted(challenger)).get("id").asString();
        List<Loan> loans = new ArrayList<>();
        ArrayNode outcomes = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 160; i++) {
            ObjectNode application = application(MARKET, "C-credit-" + i);
            ((ObjectNode) application.get("bureau")).put("score", 700 + (i * 37) % 150);
            JsonNode answer = decided(application);
            if (!answer.get("outcome").asString().equals("APPROVE")) continue;
            String arm = answer.at("/policy/arm").asString();
            // the challenger's loans go bad far more often, and in both arms the lower scores more often
            boolean funded = i % 10 != 0;
            boolean bad = funded
                    && (arm.equals("challenger")
                            ? i % 2 == 0
                            : i % 9 == 0 || answer.get("score").asDouble() < 720);
            loans.add(new Loan(
                    answer.get("applicationId").asString(),
                    arm,
                    answer.at("/policy/version").asInt(),
                    answer.get("score").asDouble(),
                    funded,
                    bad));
            ObjectNode record = Json.object()
                    .put("applicationId", answer.get("applicationId").asString())
                    .put("asOf", TODAY.toString())
                    .put("funded", funded);
            if (funded) {
                record.put("fundedAt", TODAY.toString())
                        .put("fundedAmount", 200000)
                        .put("daysPastDue", bad && i % 4 == 0 ? 120 : 0)
                        .put("status", bad && i % 4 != 0 ? "DEFAULTED" : bad ? "DELINQUENT" : "CURRENT")
                        .put("lossAmount", bad ? 1000 : 0);
            }
            outcomes.add(record);
        }
        ObjectNode batch = Json.object();
        batch.set("outcomes", outcomes);
        ApiResponse sent = post("/api/v1/outcomes", LOAN_SYSTEM, batch);
        assertThat(sent.json().get("accepted").asInt()).as("%s", sent).isEqualTo(loans.size());

        JsonNode report = report(MARKET, id);
        long[] championCounts = counts(loans, "champion");
        long[] challengerCounts = counts(loans, "challenger");
        for (String arm : List.of("champion", "challenger")) {
            long[] c = counts(loans, arm);
            JsonNode figures = report.at("/arms/" + arm);
            assertThat(figures.get("funded").asLong()).as(arm).isEqualTo(c[0]).isPositive();
            assertThat(figures.get("bad").asLong()).as(arm).isEqualTo(c[1]);
            assertThat(figures.get("badRateToDate").asDouble()).isCloseTo((double) c[1] / c[0], within(1e-12));
            assertThat(figures.get("matured").asLong())
                    .as("only the bad have matured on day one")
                    .isEqualTo(c[1]);
            assertThat(figures.get("lossAmount").decimalValue()).isEqualByComparingTo(String.valueOf(1000 * c[1]));
        }
        double p1 = (double) championCounts[1] / championCounts[0];
        double p2 = (double) challengerCounts[1] / challengerCounts[0];
        double margin = Z * Math.sqrt(p1 * (1 - p1) / championCounts[0] + p2 * (1 - p2) / challengerCounts[0]);
        JsonNode difference = report.get("badRateDifference");
        assertThat(difference.get("difference").asDouble()).isCloseTo(p2 - p1, within(1e-12));
        assertThat(difference.get("lower").asDouble()).isCloseTo(p2 - p1 - margin, within(1e-12));
        assertThat(difference.get("upper").asDouble()).isCloseTo(p2 - p1 + margin, within(1e-12));
        assertThat(difference.get("significant").asBoolean()).isEqualTo(p2 - p1 - margin > 0 || p2 - p1 + margin < 0);

        JsonNode performance = get("/api/v1/markets/" + MARKET + "/performance?version=" + champion, ANALYST)
                .json();
        JsonNode version = performance.get("versions").get(0);
        List<Loan> championLoans = loans.stream()
                .filter(l -> l.version() == champion && l.funded())
                .toList();
        assertThat(version.get("version").asInt()).isEqualTo(champion);
        assertThat(version.get("funded").asLong()).isEqualTo(championLoans.size());
        assertThat(version.get("gini").asDouble()).isCloseTo(gini(championLoans), within(1e-9));
        assertThat(version.get("ks").asDouble()).isCloseTo(ks(championLoans), within(1e-9));
        assertThat(version.get("calibration").values()).isNotEmpty();
        long banded = 0;
        for (JsonNode band : version.get("calibration"))
            banded += band.get("count").asLong();
        assertThat(banded).isEqualTo(championLoans.size());
        assertThat(version.at("/vintages/0/fundedMonth").asString())
                .isEqualTo(TODAY.toString().substring(0, 7));
        assertThat(version.at("/vintages/0/points/0/badRate").asDouble())
                .isCloseTo(
                        (double) championLoans.stream().filter(Loan::bad).count() / championLoans.size(),
                        within(1e-12));
    }

    @Test
    void a_challenger_whose_loans_go_bad_beyond_its_bad_rate_guard_rail_is_stopped_and_audited() {
        String market = "YQ";
        deployedMarket(market);
        int challenger = approvedVersion(
                market, "pricing.drl", rule("version-marker.drl").replace("MARKER", "166000"));
        JsonNode started = start(market, """
                {"challengerVersion": %d, "trafficPercent": 50, "mode": "SPLIT",
                 "maxBadRateDifference": 0.10, "minimumSample": 15}""".formatted(challenger));
        String id = started.get("id").asString();
        assertThat(started.get("maxBadRateDifference").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(started.path("maxApprovalRateDifference").isNumber())
                .as("no approval-rate rail")
                .isFalse();

        ArrayNode outcomes = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 80; i++) {
            JsonNode answer = decided(application(market, "C-rail-" + i));
            if (!answer.get("outcome").asString().equals("APPROVE")) continue;
            boolean bad = answer.at("/policy/arm").asString().equals("challenger") && i % 3 != 0;
            outcomes.add(Json.object()
                    .put("applicationId", answer.get("applicationId").asString())
                    .put("asOf", TODAY.toString())
                    .put("funded", true)
                    .put("fundedAt", TODAY.toString())
                    .put("daysPastDue", bad ? 95 : 0)
                    .put("status", bad ? "DELINQUENT" : "CURRENT"));
        }
        ObjectNode batch = Json.object();
        batch.set("outcomes", outcomes);
        assertThat(post("/api/v1/outcomes", LOAN_SYSTEM, batch)
                        .json()
                        .get("rejected")
                        .size())
                .isZero();

        JsonNode stopped = io.credence.support.Eventually.await(
                "the bad-rate guard rail to stop experiment " + id,
                java.time.Duration.ofSeconds(60),
                () -> report(market, id),
                report -> report.get("status").asString().equals("STOPPED_BY_GUARD_RAIL"));

        assertThat(stopped.get("endReason").asString()).contains("bad-rate guard rail");
        assertThat(stopped.at("/badRateDifference/difference").asDouble()).isGreaterThan(0.10);
        assertThat(audit(market).toString()).contains("EXPERIMENT_STOPPED_BY_GUARD_RAIL");
    }

    /** funded, bad */
    private static long[] counts(List<Loan> loans, String arm) {
        return new long[] {
            loans.stream().filter(l -> l.arm().equals(arm) && l.funded()).count(),
            loans.stream().filter(l -> l.arm().equals(arm) && l.bad()).count()
        };
    }

    /** 2·P(a good loan scored above a bad one) − 1, ties half, over every pair. */
    private static double gini(List<Loan> loans) {
        double wins = 0;
        long pairs = 0;
        for (Loan bad : loans) {
            if (!bad.bad()) continue;
            for (Loan good : loans) {
                if (good.bad()) continue;
                pairs++;
                if (good.score() > bad.score()) wins += 1;
                else if (good.score() == bad.score()) wins += 0.5;
            }
        }
        return 2 * wins / pairs - 1;
    }

    /** The largest gap between the shares of goods and of bads scoring at or below each score. */
    private static double ks(List<Loan> loans) {
        long goods = loans.stream().filter(l -> !l.bad()).count();
        long bads = loans.size() - goods;
        double ks = 0;
        for (Loan threshold : loans) {
            double g = loans.stream()
                            .filter(l -> !l.bad() && l.score() <= threshold.score())
                            .count()
                    / (double) goods;
            double b = loans.stream()
                            .filter(l -> l.bad() && l.score() <= threshold.score())
                            .count()
                    / (double) bads;
            ks = Math.max(ks, Math.abs(g - b));
        }
        return ks;
    }
}

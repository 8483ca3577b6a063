package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.ApiResponse;
import io.credence.support.Json;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A market of the test's own whose model ranked its first loans well and its recent ones badly. The
 * decisions are made through the API; the API cannot backdate one, so half of them are moved ten months
 * back and half two months back in the decision log with JDBC, before any outcome is sent. Then the
 * servicing system's outcomes go through POST /api/v1/outcomes: among the early loans the lower scores go
 * bad, among the recent ones the higher. The check is called directly instead of waiting a minute.
 */
class GiniDriftAlertIT extends OperationsScenario {

    private static final String MARKET = "YG";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final int PER_PERIOD = 110;

    private final JdbcTemplate jdbc;
    private final DriftMonitor monitor;

    GiniDriftAlertIT(@Autowired JdbcTemplate jdbc, @Autowired DriftMonitor monitor) {
        this.jdbc = jdbc;
        this.monitor = monitor;
    }

    private record Loan(String applicationId, String decisionId, double score) {}

    @Test
    void a_champion_whose_gini_falls_against_its_first_months_raises_an_alert_shown_with_the_reports_figures() {
        int version = deploy(MARKET, null);
        List<Loan> approved = new ArrayList<>();
        for (int i = 0; approved.size() < 2 * PER_PERIOD; i++) {
            assertThat(i).as("enough approvals among the prime profiles").isLessThan(6 * PER_PERIOD);
            ObjectNode application = application(MARKET, "prime-applicant.json");
            ((ObjectNode) application.get("bureau")).put("score", 700 + (i * 37) % 150);
            JsonNode answer = decided(application);
            if (answer.get("outcome").asString().equals("APPROVE")) {
                approved.add(new Loan(
                        answer.get("applicationId").asString(),
                        answer.get("decisionId").asString(),
                        answer.get("score").asDouble()));
            }
        }
        List<Loan> early = approved.subList(0, PER_PERIOD);
        List<Loan> recent = approved.subList(PER_PERIOD, approved.size());
        Instant launch = Instant.now().minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.DAYS);
        Instant lately = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.DAYS);
        backdate(early, launch);
        backdate(recent, lately);

        ArrayNode outcomes = Json.MAPPER.createArrayNode();
        outcomes.addAll(outcomes(early, launch, true));
        outcomes.addAll(outcomes(recent, lately, false));
        ObjectNode batch = Json.object();
        batch.set("outcomes", outcomes);
        ApiResponse sent = ok(post("/api/v1/outcomes", LOAN_SYSTEM, batch));
        assertThat(sent.json().get("accepted").asInt()).as("%s", sent).isEqualTo(2 * PER_PERIOD);

        MarketDrift drift = monitor.check().stream()
                .filter(d -> d.market().equals(MARKET))
                .findFirst()
                .orElseThrow();

        assertThat(drift.gini().version()).isEqualTo(version);
        assertThat(drift.gini().firstLoans()).isEqualTo(PER_PERIOD);
        assertThat(drift.gini().recentLoans()).isEqualTo(PER_PERIOD);
        // The same loans through the performance report: the first months' and the later decisions' Gini.
        LocalDate since = LocalDate.ofInstant(drift.gini().since(), ZoneOffset.UTC);
        double first = gini(version, LocalDate.ofInstant(launch, ZoneOffset.UTC), since.minusDays(1));
        double later = gini(version, since, TODAY);
        assertThat(drift.gini().firstGini()).isCloseTo(first, within(1e-9)).isGreaterThan(0.5);
        assertThat(drift.gini().recentGini()).isCloseTo(later, within(1e-9)).isLessThan(-0.5);
        assertThat(drift.giniChange()).isCloseTo(later - first, within(1e-9));
        assertThat(drift.breach("GINI")).isNotNull();
        assertThat(drift.status()).isEqualTo(MarketDrift.DRIFTING);

        JsonNode report = ok(get("/api/v1/drift", ANALYST)).json();
        JsonNode alert = null;
        for (JsonNode a : report.get("alerts")) {
            if (a.get("market").asString().equals(MARKET)
                    && a.get("kind").asString().equals("GINI")) alert = a;
        }
        assertThat(alert).as("%s", report).isNotNull();
        assertThat(alert.get("measure").asDouble()).isCloseTo(later - first, within(1e-6));
        assertThat(alert.get("limit").asDouble()).isEqualTo(0.10);
        assertThat(alert.get("summary").asString())
                .startsWith(MARKET + " champion's Gini ")
                .contains("since " + since);
        assertThat(report.get("limits").get("giniDrop").asDouble()).isEqualTo(0.10);
        assertThat(report.get("limits").get("giniFirstMonths").asInt()).isEqualTo(3);
        assertThat(scrape().sum("credence_drift_alert_active", Map.of("market", MARKET, "kind", "GINI")))
                .isEqualTo(1);
        List<String> audited = new ArrayList<>();
        ok(get("/api/v1/audit?market=" + MARKET + "&action=DRIFT_ALERT", ADMIN))
                .json()
                .forEach(e -> audited.add(e.toString()));
        assertThat(audited).anySatisfy(e -> assertThat(e).contains("GINI"));

        // Recent outcomes sent again, now ranked like the early ones: the next check reads the new Gini and clears it.
        ObjectNode corrected = Json.object();
        corrected.set("outcomes", outcomes(recent, lately, true));
        ok(post("/api/v1/outcomes", LOAN_SYSTEM, corrected));
        MarketDrift after = monitor.check().stream()
                .filter(d -> d.market().equals(MARKET))
                .findFirst()
                .orElseThrow();
        assertThat(after.breach("GINI")).as("%s", after).isNull();
        List<String> open = new ArrayList<>();
        ok(get("/api/v1/drift", ANALYST))
                .json()
                .get("alerts")
                .forEach(a -> open.add(
                        a.get("market").asString() + ":" + a.get("kind").asString()));
        assertThat(open).doesNotContain(MARKET + ":GINI");
    }

    private void backdate(List<Loan> loans, Instant start) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < loans.size(); i++) {
            rows.add(new Object[] {
                Timestamp.from(start.plus(Duration.ofHours(i))), loans.get(i).decisionId()
            });
        }
        jdbc.batchUpdate("update decision set evaluated_at = ? where id = ?", rows);
    }

    /**
     * Today's observation of each loan, funded the day after its decision: the half with the lower scores
     * bad if {@code lowerGoBad}, else the half with the higher scores.
     */
    private static ArrayNode outcomes(List<Loan> loans, Instant decided, boolean lowerGoBad) {
        List<Loan> byScore =
                loans.stream().sorted(Comparator.comparingDouble(Loan::score)).toList();
        double median = byScore.get(byScore.size() / 2).score();
        ArrayNode records = Json.MAPPER.createArrayNode();
        for (Loan loan : loans) {
            boolean bad = lowerGoBad ? loan.score() < median : loan.score() >= median;
            records.add(Json.object()
                    .put("applicationId", loan.applicationId())
                    .put("asOf", TODAY.toString())
                    .put("funded", true)
                    .put(
                            "fundedAt",
                            LocalDate.ofInstant(decided, ZoneOffset.UTC)
                                    .plusDays(6)
                                    .toString())
                    .put("fundedAmount", 200000)
                    .put("daysPastDue", bad ? 120 : 0)
                    .put("status", bad ? "DELINQUENT" : "CURRENT")
                    .put("principalOutstanding", 150000)
                    .put("lossAmount", 0));
        }
        return records;
    }

    private double gini(int version, LocalDate from, LocalDate to) {
        JsonNode report = ok(get(
                        "/api/v1/markets/" + MARKET + "/performance?version=" + version + "&from=" + from + "&to=" + to,
                        ANALYST))
                .json();
        return report.get("versions").get(0).get("gini").asDouble();
    }
}

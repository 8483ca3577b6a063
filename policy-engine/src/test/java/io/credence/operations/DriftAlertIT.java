package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A market of the test's own gets a week of history, then an hour like it, then an hour of a very
 * different applicant mix. The week is made from real decisions: twenty applicant profiles are
 * decided through the API once, and each of those rows is copied thirty times into the past seven
 * days with JDBC (the API cannot backdate a decision). The check is called directly instead of
 * waiting for the minute schedule.
 */
class DriftAlertIT extends OperationsScenario {

    private static final String MARKET = "YD";
    private static final int PROFILES = 20;
    private static final int WEEK_COPIES = 30;

    private final JdbcTemplate jdbc;
    private final DriftMonitor monitor;

    DriftAlertIT(@Autowired JdbcTemplate jdbc, @Autowired DriftMonitor monitor) {
        this.jdbc = jdbc;
        this.monitor = monitor;
    }

    @Test
    void a_shifted_applicant_mix_raises_one_alert_per_figure_shown_logged_metered_and_audited() {
        deploy(MARKET, null);
        List<ObjectNode> profiles = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) {
            ObjectNode profile = application(MARKET, "prime-applicant.json");
            ((ObjectNode) profile.get("bureau")).put("score", 620 + 10 * i);
            profiles.add(profile);
        }
        List<String> decided = new ArrayList<>();
        for (ObjectNode profile : profiles)
            decided.add(decided(fresh(profile)).get("decisionId").asString());
        copyIntoThePastWeek(decided);

        for (int round = 0; round < 5; round++) {
            for (ObjectNode profile : profiles) decided(fresh(profile));
        }
        MarketDrift steady = ours(monitor.check());
        assertThat(steady.status()).as(steady.toString()).isEqualTo(MarketDrift.STABLE);
        assertThat(steady.current().decisions()).isEqualTo(PROFILES * 6);
        assertThat(steady.baseline().decisions()).isEqualTo(PROFILES * WEEK_COPIES);
        assertThat(steady.baseline().approvalRate())
                .as("the week's mix approves often enough to fall")
                .isGreaterThan(0.3);
        assertThat(steady.approvalRateChange()).isZero();
        assertThat(steady.psi()).isLessThan(0.01);
        assertThat(alerts()).isEmpty();

        for (int i = 0; i < 150; i++) decided(application(MARKET, "subprime-applicant.json"));
        MarketDrift shifted = ours(monitor.check());

        assertThat(shifted.status()).isEqualTo(MarketDrift.DRIFTING);
        assertThat(shifted.approvalRateChange()).isLessThan(-0.10);
        assertThat(shifted.psi()).isGreaterThan(0.25);
        JsonNode report = ok(get("/api/v1/drift", ANALYST)).json();
        assertThat(alerts())
                .extracting(a -> a.get("kind").asString())
                .containsExactlyInAnyOrder("APPROVAL_RATE", "SCORE_PSI");
        assertThat(alerts())
                .allSatisfy(a -> assertThat(a.get("summary").asString()).startsWith(MARKET + " "));
        assertThat(report.get("limits").get("psi").asDouble()).isEqualTo(0.25);
        JsonNode figures = null;
        for (JsonNode m : report.get("markets")) if (m.get("market").asString().equals(MARKET)) figures = m;
        assertThat(figures).isNotNull();
        assertThat(figures.get("status").asString()).isEqualTo("DRIFTING");

        Scrape metrics = scrape();
        for (String kind : List.of("APPROVAL_RATE", "SCORE_PSI")) {
            Map<String, String> labels = Map.of("market", MARKET, "kind", kind);
            assertThat(metrics.sum("credence_drift_alert_active", labels))
                    .as(kind)
                    .isEqualTo(1);
            assertThat(metrics.sum("credence_drift_alerts_raised_total", labels))
                    .as(kind)
                    .isEqualTo(1);
        }
        assertThat(metrics.sum("credence_drift_psi", Map.of("market", MARKET)))
                .isCloseTo(shifted.psi(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(metrics.sum("credence_drift_approval_rate_change", Map.of("market", MARKET)))
                .isCloseTo(shifted.approvalRateChange(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(audited())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("system"));

        // The next minute's check, or another instance's, finds the alerts open and records nothing new;
        // an instance raising the same alert at the same moment is refused by the database.
        monitor.check();
        assertThat(monitor.raise(
                        shifted,
                        shifted.breach("APPROVAL_RATE"),
                        new WindowFigures(
                                shifted.current().from(), shifted.current().to(), 0, 0, ScoreHistogram.EMPTY),
                        Instant.now()))
                .isFalse();
        assertThat(audited()).hasSize(2);
        assertThat(alerts()).hasSize(2);
    }

    private static ObjectNode fresh(ObjectNode profile) {
        ObjectNode application = application(MARKET, "prime-applicant.json");
        ObjectNode copy = profile.deepCopy();
        copy.set("applicationId", application.get("applicationId"));
        copy.set(
                "applicant",
                ((ObjectNode) copy.get("applicant"))
                        .put(
                                "customerId",
                                application.at("/applicant/customerId").asString()));
        copy.set(
                "device",
                ((ObjectNode) copy.get("device"))
                        .put(
                                "fingerprint",
                                application.at("/device/fingerprint").asString()));
        return copy;
    }

    /** Thirty copies of each decision, spread every quarter of an hour back from two hours ago. */
    private void copyIntoThePastWeek(List<String> decisionIds) {
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> rows = new ArrayList<>();
        for (int copy = 0; copy < WEEK_COPIES; copy++) {
            for (int p = 0; p < decisionIds.size(); p++) {
                int slot = copy * decisionIds.size() + p;
                String id = java.util.UUID.randomUUID().toString();
                rows.add(new Object[] {
                    id, "WEEK-" + id, Timestamp.from(start.minus(Duration.ofMinutes(15L * slot))), decisionIds.get(p)
                });
            }
        }
        jdbc.batchUpdate("""
                insert into decision (id, application_id, market, outcome, score, policy_version, policy_digest, arm,
                    request_hash, result_json, context_json, duration_micros, evaluated_at, approved_amount, apr,
                    reason_codes)
                select ?, ?, market, outcome, score, policy_version, policy_digest, arm, request_hash, result_json,
                    context_json, duration_micros, ?, approved_amount, apr, reason_codes
                from decision where id = ?""", rows);
    }

    private MarketDrift ours(List<MarketDrift> checked) {
        return checked.stream()
                .filter(d -> d.market().equals(MARKET))
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> alerts() {
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode alert : ok(get("/api/v1/drift", REVIEWER)).json().get("alerts")) {
            if (alert.get("market").asString().equals(MARKET)) ours.add(alert);
        }
        return ours;
    }

    private List<JsonNode> audited() {
        List<JsonNode> entries = new ArrayList<>();
        ok(get("/api/v1/audit?market=" + MARKET + "&action=DRIFT_ALERT", ADMIN))
                .json()
                .forEach(entries::add);
        return entries;
    }
}

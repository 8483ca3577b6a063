package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.decision.RequestRetention;
import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import io.credence.support.MovableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Retention (365 days by default): a decision older than that loses its request, its personal data,
 * and keeps its answer, reasons and context; it can no longer be replayed, and the purge is in the
 * audit trail. Old decisions are made in the past, on the application's clock moved back.
 */
class RetentionIT extends FullStackTest {

    private static final String ACTION = "DECISION_REQUESTS_PURGED";

    private final JdbcTemplate jdbc;
    private final RequestRetention retention;
    private final MovableClock clock;

    @Autowired
    RetentionIT(JdbcTemplate jdbc, RequestRetention retention, MovableClock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    @Test
    void requests_older_than_the_retention_are_purged_and_the_rest_of_the_decision_stays() {
        String older = decidedAgo(Duration.ofDays(800));
        String old = decidedAgo(Duration.ofDays(366));
        String recent = decidedAgo(Duration.ofDays(300));
        clock.reset();
        long auditBefore = purgeEntries().size();

        RequestRetention.Purge purge = retention.purgeExpiredRequests().orElseThrow();

        assertThat(purge.purged()).isGreaterThanOrEqualTo(2);
        assertThat(purge.cutoff())
                .isBetween(
                        Instant.now().minus(Duration.ofDays(366)), Instant.now().minus(Duration.ofDays(364)));
        for (String id : List.of(old, older)) {
            JsonNode decision = get("/api/v1/decisions/" + id, ADMIN).json();
            assertThat(decision.has("request")).as("request of %s", id).isFalse();
            assertThat(decision.path("outcome").asString()).isEqualTo("APPROVE");
            assertThat(decision.path("policy").path("digest").asString()).startsWith("sha256:");
            assertThat(decision.path("rulesFired").size()).isPositive();
            assertThat(decision.has("context")).isTrue();
            assertThat(jdbc.queryForObject(
                            "select count(*) from decision where id = ? and request_hash like 'sha256:%' "
                                    + "and customer_key is not null and device_key is not null and result_json is not null",
                            Integer.class, id))
                    .as("hashes and result of %s kept", id)
                    .isEqualTo(1);

            ApiResponse replay = post("/api/v1/decisions/" + id + "/replay", ADMIN, "{}");
            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.json().path("detail").asString()).contains("purged");
        }
        assertThat(get("/api/v1/decisions/" + recent, ADMIN)
                        .json()
                        .path("request")
                        .path("applicationId")
                        .asString())
                .startsWith("IT-");
        assertThat(post("/api/v1/decisions/" + recent + "/replay", ADMIN, "{}")
                        .json()
                        .path("matches")
                        .asBoolean())
                .isTrue();

        List<JsonNode> entries = purgeEntries();
        assertThat(entries).hasSize((int) auditBefore + 1);
        JsonNode entry = entries.getFirst();
        assertThat(entry.path("actor").asString()).isEqualTo("system");
        assertThat(entry.path("detail").asString())
                .contains("purged the requests of " + purge.purged() + " decisions")
                .contains("evaluated before " + purge.cutoff())
                .contains("retention 365 days");
        assertThat(get("/api/v1/audit/verify", ADMIN).json().path("intact").asBoolean())
                .isTrue();
    }

    @Test
    void the_scheduled_purge_runs_once_per_cluster_under_a_shedlock_lock() {
        int before = purgeEntries().size();

        retention.purgeOnSchedule();
        retention.purgeOnSchedule();

        assertThat(purgeEntries())
                .as("the second run finds the lock held and does nothing")
                .hasSize(before + 1);
        var lock = jdbc.queryForMap(
                "select locked_at, lock_until, locked_by from shedlock where name = ?", "decision-request-retention");
        Duration held = Duration.between(
                ((Timestamp) lock.get("locked_at")).toInstant(), ((Timestamp) lock.get("lock_until")).toInstant());
        assertThat(held).as("held at least ten minutes after it ran").isGreaterThanOrEqualTo(Duration.ofMinutes(9));
        assertThat((String) lock.get("locked_by")).isNotBlank();
    }

    private String decided() {
        ApiResponse response = decide(freshApplication("prime-IN.json"));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("decisionId").asString();
    }

    private String decidedAgo(Duration ago) {
        clock.setOffset(ago.negated());
        String decisionId = decided();
        assertThat(jdbc.queryForObject("select evaluated_at from decision where id = ?", Timestamp.class, decisionId)
                        .toInstant())
                .isBefore(Instant.now().minus(ago).plusSeconds(60));
        return decisionId;
    }

    /** The audit trail's purge entries, newest first. */
    private List<JsonNode> purgeEntries() {
        JsonNode audit =
                get("/api/v1/audit?action=" + ACTION + "&limit=5000", ADMIN).json();
        List<JsonNode> entries = new java.util.ArrayList<>();
        audit.forEach(entries::add);
        entries.sort(
                (a, b) -> Long.compare(b.path("seq").asLong(), a.path("seq").asLong()));
        return entries;
    }
}

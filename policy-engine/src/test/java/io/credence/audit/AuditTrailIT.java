package io.credence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail records list changes and notices tampering: each row's hash covers its content
 * and the row before, so editing or deleting one shows up in /api/v1/audit/verify. Tests that
 * tamper put the row back, so the shared database's chain stays intact for everyone else.
 */
class AuditTrailIT extends FullStackTest {

    private final JdbcClient jdbc;

    AuditTrailIT(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void records_who_added_and_removed_a_fraud_list_entry() {
        String device = "d-audit-" + UUID.randomUUID();
        String entryId = addDeviceToFraudList(device, "Chargeback ring, case 4411");
        assertThat(delete("/api/v1/fraud-lists/IN/" + entryId, ADMIN).status()).isEqualTo(204);

        ApiResponse trail = get("/api/v1/audit?market=IN", REVIEWER);

        assertThat(trail.status()).as("%s", trail).isEqualTo(200);
        JsonNode added = entry(trail.json(), "FRAUD_LIST_ADDED", entryId);
        JsonNode removed = entry(trail.json(), "FRAUD_LIST_REMOVED", entryId);
        assertThat(added.path("actor").asString()).isEqualTo("admin");
        assertThat(added.path("market").asString()).isEqualTo("IN");
        assertThat(added.path("detail").asString()).isEqualTo("Chargeback ring, case 4411");
        assertThat(removed.path("actor").asString()).isEqualTo("admin");
        assertThat(removed.path("seq").asLong()).isGreaterThan(added.path("seq").asLong());
        assertThat(added.path("at").asString()).isNotBlank();
    }

    @Test
    void every_role_may_read_the_trail_but_nobody_anonymously() {
        assertThat(get("/api/v1/audit", ANALYST).status()).isEqualTo(200);
        assertThat(get("/api/v1/audit", REVIEWER).status()).isEqualTo(200);
        assertThat(get("/api/v1/audit", ADMIN).status()).isEqualTo(200);
        assertThat(get("/api/v1/audit", NOBODY).status()).isEqualTo(401);
    }

    @Test
    void verifies_an_untouched_chain_as_intact() {
        addDeviceToFraudList("d-audit-" + UUID.randomUUID(), "Synthetic identity");

        JsonNode verification = verify();

        assertThat(verification.path("intact").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("entriesChecked").asLong()).isPositive();
    }

    @Test
    void detects_an_entry_edited_in_the_database() {
        String entryId = addDeviceToFraudList("d-audit-" + UUID.randomUUID(), "Mule account");
        long seq = entry(get("/api/v1/audit?market=IN", ADMIN).json(), "FRAUD_LIST_ADDED", entryId)
                .path("seq")
                .asLong();
        String original = jdbc.sql("select detail from audit_event where seq = ?")
                .param(seq)
                .query(String.class)
                .single();
        try {
            jdbc.sql("update audit_event set detail = ? where seq = ?")
                    .params("Nothing to see here", seq)
                    .update();

            JsonNode verification = verify();

            assertThat(verification.path("intact").asBoolean())
                    .as("%s", verification)
                    .isFalse();
            assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(verification.path("problem").asString()).contains(Long.toString(seq));
        } finally {
            jdbc.sql("update audit_event set detail = ? where seq = ?")
                    .params(original, seq)
                    .update();
        }
        assertThat(verify().path("intact").asBoolean())
                .as("intact again once the row is restored")
                .isTrue();
    }

    @Test
    void detects_that_the_last_entry_was_deleted() {
        addDeviceToFraudList("d-audit-" + UUID.randomUUID(), "Device farm");
        Map<String, Object> last = jdbc.sql("select * from audit_event where seq = (select max(seq) from audit_event)")
                .query()
                .singleRow();
        long seq = ((Number) last.get("seq")).longValue();
        try {
            jdbc.sql("delete from audit_event where seq = ?").param(seq).update();

            JsonNode verification = verify();

            assertThat(verification.path("intact").asBoolean())
                    .as("%s", verification)
                    .isFalse();
            assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(seq);
        } finally {
            jdbc.sql("""
                    insert into audit_event (seq, at, actor, market, action, subject, detail, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            last.get("seq"),
                            last.get("at"),
                            last.get("actor"),
                            last.get("market"),
                            last.get("action"),
                            last.get("subject"),
                            last.get("detail"),
                            last.get("prev_hash"),
                            last.get("hash"))
                    .update();
        }
        assertThat(verify().path("intact").asBoolean())
                .as("intact again once the row is restored")
                .isTrue();
    }

    private String addDeviceToFraudList(String device, String reason) {
        ApiResponse added = post(
                "/api/v1/fraud-lists/IN",
                ADMIN,
                Json.object().put("list", "DEVICE").put("entry", device).put("reason", reason));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        return added.json().path("id").asString();
    }

    private JsonNode verify() {
        ApiResponse verification = get("/api/v1/audit/verify", ANALYST);
        assertThat(verification.status()).as("%s", verification).isEqualTo(200);
        return verification.json();
    }

    private static JsonNode entry(JsonNode trail, String action, String entryId) {
        return trail.valueStream()
                .filter(e -> e.path("action").asString().equals(action)
                        && e.path("subject").asString().contains(entryId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " entry for " + entryId + " in " + trail));
    }
}

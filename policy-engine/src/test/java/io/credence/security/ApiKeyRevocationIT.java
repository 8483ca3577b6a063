package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Credentials;
import io.credence.support.Eventually;
import io.credence.support.FullStackTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Keys found valid are remembered for a few seconds so that a decision costs no key lookup; a
 * revocation must still take effect at once on the instance that made it, and within those few
 * seconds on an instance that missed the cluster's signal.
 */
class ApiKeyRevocationIT extends FullStackTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_revoked_key_is_refused_on_its_very_next_call() {
        JsonNode issued = post("/api/v1/api-keys", ADMIN, "{\"name\": \"revoked-at-once\"}")
                .json();
        Credentials key = Credentials.apiKey(issued.get("key").asString());
        assertThat(get("/api/v1/ping", key).status()).isEqualTo(200);
        assertThat(get("/api/v1/ping", key).json().get("caller").asString()).isEqualTo("api-key:revoked-at-once");

        assertThat(post("/api/v1/api-keys/" + issued.get("apiKey").get("id").asString() + "/revoke", ADMIN, "{}")
                        .status())
                .isEqualTo(200);

        assertThat(get("/api/v1/ping", key).status()).isEqualTo(401);
        assertThat(get("/api/v1/ping", LOAN_SYSTEM).status()).isEqualTo(200);
    }

    @Test
    void a_key_revoked_where_no_signal_arrives_is_refused_within_the_recheck_interval() {
        JsonNode issued = post("/api/v1/api-keys", ADMIN, "{\"name\": \"revoked-elsewhere\"}")
                .json();
        Credentials key = Credentials.apiKey(issued.get("key").asString());
        assertThat(get("/api/v1/ping", key).status()).isEqualTo(200);

        // Another instance revoking the key, as this one sees it when the cluster's signal is lost.
        jdbc.update(
                "update api_key set revoked_at = ? where id = ?",
                Timestamp.from(Instant.now()),
                issued.get("apiKey").get("id").asString());

        Instant revoked = Instant.now();
        Eventually.await(
                "the key revoked in the database to be refused",
                ApiKeys.RECHECK_AFTER.plusSeconds(5),
                () -> get("/api/v1/ping", key).status(),
                status -> status == 401);
        assertThat(Duration.between(revoked, Instant.now())).isLessThan(ApiKeys.RECHECK_AFTER.plusSeconds(1));
    }
}

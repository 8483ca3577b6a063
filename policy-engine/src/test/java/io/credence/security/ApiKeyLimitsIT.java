package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loan system's key limited to some markets and to a date: every call it makes (decisions, lookups,
 * replays, outcomes) is held to its markets, and once it expires it is refused like an unknown key,
 * though told why.
 */
class ApiKeyLimitsIT extends FullStackTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_key_limited_to_other_markets_is_refused_a_decision_with_a_403_naming_the_markets() {
        Credentials mexicoOnly = Credentials.apiKey(
                issue("limits-mx", "[\"MX\"]", null).path("key").asString());
        Credentials india = Credentials.apiKey(
                issue("limits-in", "[\"IN\", \"MX\"]", null).path("key").asString());

        ApiResponse refused = post("/api/v1/decisions", mexicoOnly, freshApplication("prime-IN.json"));
        ApiResponse decided = post("/api/v1/decisions", india, freshApplication("prime-IN.json"));

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("API key 'limits-mx' may not be used for market IN; it is limited to MX.");
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
    }

    @Test
    void a_key_taken_off_a_market_no_longer_reads_replays_or_reports_outcomes_on_its_decisions_there() {
        JsonNode issued = issue("limits-moved", "[\"IN\"]", null);
        Credentials key = Credentials.apiKey(issued.path("key").asString());
        String id = issued.path("apiKey").path("id").asString();
        ObjectNode application = freshApplication("prime-IN.json");
        String decisionId = post("/api/v1/decisions", key, application)
                .json()
                .path("decisionId")
                .asString();

        ApiResponse changed = put("/api/v1/api-keys/" + id, ADMIN, "{\"markets\": [\"MX\"]}");

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("markets").toString()).isEqualTo("[\"MX\"]");
        assertThat(get("/api/v1/decisions/" + decisionId, key).status()).isEqualTo(403);
        assertThat(post("/api/v1/decisions/" + decisionId + "/replay", key, "").status())
                .isEqualTo(403);
        ApiResponse outcomes = post(
                "/api/v1/outcomes",
                key,
                outcome(application.path("applicationId").asString()));
        assertThat(outcomes.json().path("accepted").asInt()).as("%s", outcomes).isZero();
        assertThat(outcomes.json().path("rejected").get(0).path("message").asString())
                .contains("market IN, which this API key may not be used for");

        put("/api/v1/api-keys/" + id, ADMIN, "{\"markets\": []}");
        assertThat(get("/api/v1/decisions/" + decisionId, key).status())
                .as("no markets listed: every market")
                .isEqualTo(200);
    }

    @Test
    void an_expired_key_is_refused_with_401_and_told_it_expired() {
        JsonNode issued = issue("limits-expiring", "[]", TODAY.plusDays(30));
        Credentials key = Credentials.apiKey(issued.path("key").asString());
        // Its expiry reached, as it will be on that day; set before its first use, so nothing remembers it valid.
        jdbc.update(
                "update api_key set expires_on = ? where id = ?",
                Date.valueOf(TODAY),
                issued.path("apiKey").path("id").asString());

        ApiResponse expired = get("/api/v1/ping", key);
        ApiResponse unknown = get("/api/v1/ping", Credentials.apiKey("cr_no-such-key"));

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("detail").asString())
                .isEqualTo("This API key expired on " + TODAY + " (UTC); ask an admin for a new one.");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString()).doesNotContain("expired");
    }

    @Test
    void the_list_shows_each_keys_markets_and_expiry() {
        String id = issue("limits-listed", "[\"MX\", \"IN\", \"MX\"]", TODAY.plusDays(90))
                .path("apiKey")
                .path("id")
                .asString();

        JsonNode listed = null;
        for (JsonNode key : get("/api/v1/api-keys", ADMIN).json())
            if (key.path("id").asString().equals(id)) listed = key;

        assertThat(listed).isNotNull();
        assertThat(listed.path("markets").toString()).as("sorted, once each").isEqualTo("[\"IN\",\"MX\"]");
        assertThat(listed.path("expiresOn").asString())
                .isEqualTo(TODAY.plusDays(90).toString());
    }

    @Test
    void bad_markets_or_a_past_expiry_are_refused_naming_the_fields_and_nothing_is_saved() {
        ApiResponse refused = post(
                "/api/v1/api-keys",
                ADMIN,
                "{\"name\": \"limits-bad\", \"markets\": [\"mx\", \"IND\"], \"expiresOn\": \"" + TODAY + "\"}");

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("markets", "expiresOn");
        assertThat(refused.body()).contains("mx, IND");
        assertThat(get("/api/v1/api-keys", ADMIN).body()).doesNotContain("limits-bad");
    }

    @Test
    void creating_and_changing_a_keys_limits_are_audited() {
        String id = issue("limits-audited", "[\"IN\"]", null)
                .path("apiKey")
                .path("id")
                .asString();
        put(
                "/api/v1/api-keys/" + id,
                ADMIN,
                "{\"markets\": [\"IN\", \"MX\"], \"expiresOn\": \"" + TODAY.plusDays(7) + "\"}");

        String trail = get("/api/v1/audit?actor=admin&limit=500", ADMIN).body();

        assertThat(trail)
                .contains("API_KEY_CREATED")
                .contains("limits-audited; markets IN, no expiry")
                .contains("API_KEY_CHANGED")
                .contains("limits-audited: markets IN, no expiry → markets IN, MX, expires on " + TODAY.plusDays(7));
    }

    private JsonNode issue(String name, String markets, LocalDate expiresOn) {
        ApiResponse issued = post(
                "/api/v1/api-keys",
                ADMIN,
                "{\"name\": \"" + name + "\", \"markets\": " + markets + ", \"expiresOn\": "
                        + (expiresOn == null ? "null" : "\"" + expiresOn + "\"") + "}");
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        return issued.json();
    }

    private static String outcome(String applicationId) {
        ObjectNode record = Json.object()
                .put("applicationId", applicationId)
                .put("asOf", TODAY.toString())
                .put("funded", true)
                .put("fundedAt", TODAY.toString())
                .put("fundedAmount", 200000)
                .put("daysPastDue", 0)
                .put("status", "CURRENT")
                .put("principalOutstanding", 150000)
                .put("lossAmount", 0);
        ObjectNode body = Json.object();
        body.set("outcomes", Json.MAPPER.createArrayNode().add(record));
        return Json.write(body);
    }
}

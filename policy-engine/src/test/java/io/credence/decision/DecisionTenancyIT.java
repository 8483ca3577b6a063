package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.FullStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two loan systems on one Credence: each reads, replays and deduplicates only the decisions its own API
 * key made. Another key's decision is not found, and its application id is a conflict that tells
 * nothing of it; people with roles still read and replay every decision.
 */
class DecisionTenancyIT extends FullStackTest {

    private final JdbcTemplate jdbc;

    private Credentials lender;
    private Credentials otherLender;
    private String lenderKeyId;

    @Autowired
    DecisionTenancyIT(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void twoLoanSystems() {
        JsonNode issued = post("/api/v1/api-keys", ADMIN, "{\"name\": \"tenancy-lender\"}")
                .json();
        lender = Credentials.apiKey(issued.path("key").asString());
        lenderKeyId = issued.path("apiKey").path("id").asString();
        otherLender = Credentials.apiKey(post("/api/v1/api-keys", ADMIN, "{\"name\": \"tenancy-other\"}")
                .json()
                .path("key")
                .asString());
    }

    @Test
    void a_decision_records_the_api_key_that_asked_for_it() {
        String decisionId = decideAs(lender, freshApplication("prime-IN.json"))
                .path("decisionId")
                .asString();

        assertThat(jdbc.queryForObject("select api_key_id from decision where id = ?", String.class, decisionId))
                .isEqualTo(lenderKeyId);
    }

    @Test
    void a_key_reads_and_replays_its_own_decision_but_another_keys_is_not_found() {
        String decisionId = decideAs(lender, freshApplication("prime-IN.json"))
                .path("decisionId")
                .asString();

        assertThat(get("/api/v1/decisions/" + decisionId, lender).status()).isEqualTo(200);
        assertThat(post("/api/v1/decisions/" + decisionId + "/replay", lender, "")
                        .status())
                .isEqualTo(200);

        ApiResponse read = get("/api/v1/decisions/" + decisionId, otherLender);
        ApiResponse replay = post("/api/v1/decisions/" + decisionId + "/replay", otherLender, "");
        ApiResponse missing = get("/api/v1/decisions/00000000-0000-0000-0000-000000000000", otherLender);
        assertThat(read.status()).as("%s", read).isEqualTo(404);
        assertThat(replay.status()).as("%s", replay).isEqualTo(404);
        assertThat(read.json().path("detail").asString())
                .as("another key's decision reads as one that does not exist")
                .isEqualTo(missing.json()
                        .path("detail")
                        .asString()
                        .replace("00000000-0000-0000-0000-000000000000", decisionId));
    }

    @Test
    void people_with_roles_read_and_replay_every_keys_decisions() {
        String decisionId = decideAs(otherLender, freshApplication("prime-IN.json"))
                .path("decisionId")
                .asString();

        for (Credentials person : new Credentials[] {ANALYST, REVIEWER, ADMIN}) {
            assertThat(get("/api/v1/decisions/" + decisionId, person).status()).isEqualTo(200);
            assertThat(post("/api/v1/decisions/" + decisionId + "/replay", person, "")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void the_same_application_again_gets_the_stored_answer_from_its_own_key_and_a_bare_conflict_from_another() {
        ObjectNode application = freshApplication("prime-IN.json");
        JsonNode first = decideAs(lender, application);

        ApiResponse again = post("/api/v1/decisions", lender, application);
        ApiResponse fromOther = post("/api/v1/decisions", otherLender, application);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("decisionId").asString())
                .isEqualTo(first.path("decisionId").asString());
        assertThat(fromOther.status()).as("%s", fromOther).isEqualTo(409);
        assertThat(fromOther.json().path("detail").asString()).contains("already used");
        assertThat(fromOther.body())
                .doesNotContain(first.path("decisionId").asString())
                .doesNotContain("\"outcome\"")
                .doesNotContain("APPROVE")
                .doesNotContain("different request");
        ObjectNode changed = application.deepCopy();
        ((ObjectNode) changed.path("loan")).put("amount", 250000);
        assertThat(post("/api/v1/decisions", otherLender, changed).body())
                .as("whether the requests match is not told either")
                .isEqualTo(fromOther.body());
    }

    @Test
    void a_decision_logged_before_keys_were_recorded_is_read_only_by_people() {
        ObjectNode application = freshApplication("prime-IN.json");
        String decisionId = decideAs(lender, application).path("decisionId").asString();
        jdbc.update("update decision set api_key_id = null where id = ?", decisionId);

        assertThat(get("/api/v1/decisions/" + decisionId, lender).status()).isEqualTo(404);
        assertThat(post("/api/v1/decisions/" + decisionId + "/replay", lender, "")
                        .status())
                .isEqualTo(404);
        assertThat(post("/api/v1/decisions", lender, application).status()).isEqualTo(409);
        assertThat(get("/api/v1/decisions/" + decisionId, ANALYST).status()).isEqualTo(200);
    }

    private JsonNode decideAs(Credentials key, ObjectNode application) {
        ApiResponse response = post("/api/v1/decisions", key, application);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }
}

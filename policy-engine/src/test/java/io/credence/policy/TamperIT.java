package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Someone with database access edits an approved policy behind the workflow's back. */
class TamperIT extends FullStackTest {

    private final JdbcTemplate jdbc;

    TamperIT(@Autowired JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void an_artifact_edited_in_the_database_fails_its_digest_check_and_is_never_deployed() {
        String market = "ZX";
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(TestMarkets.artifacts(market)));
        ApiResponse created = post("/api/v1/markets/" + market + "/versions", ANALYST, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        String base = "/api/v1/markets/" + market + "/versions/" + version;
        assertThat(post(base + "/submit", ANALYST, "{}").status()).isEqualTo(200);
        assertThat(post(base + "/approve", REVIEWER, "{}").status()).isEqualTo(200);
        assertThat(get(base + "/verify", REVIEWER).json().get("intact").asBoolean())
                .isTrue();

        jdbc.update(
                "update policy_artifact set content = content || ? where market = ? and version = ? and name = ?",
                "\nrule \"approve everyone\" when $d : Decision() then $d.approve(); end\n",
                market,
                version,
                "approval.drl");

        JsonNode verdict = get(base + "/verify", REVIEWER).json();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("actualDigest").asString())
                .isNotEqualTo(verdict.get("digest").asString());
        ApiResponse deploy = post(base + "/deploy", ADMIN, "{}");
        assertThat(deploy.status()).isEqualTo(409);
        assertThat(deploy.json().get("detail").asString()).contains("does not match its digest");
        assertThat(get("/api/v1/markets", ANALYST).body()).doesNotContain("\"market\":\"ZX\",\"currency\":\"INR\"");
    }
}

package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract's "Policy lifecycle changes", tried over HTTP as an admin, a reviewer and an analyst would. */
class LifecycleGovernanceIT extends FullStackTest {

    @Test
    void tried_as_an_admin_rolling_forward_to_a_retired_version_is_one_deploy() {
        String market = "ZW";
        int first = approved(market, null, TestMarkets.artifacts(market));
        ok(post(path(market, first, "deploy"), ADMIN, "{}"));
        String stricter = TestMarkets.artifacts(market).get("approval.drl")
                + Fixtures.text(getClass(), "stricter-income-rule.drl");
        int second = approved(market, first, Map.of("approval.drl", stricter));
        ok(post(path(market, second, "deploy"), ADMIN, "{}"));
        ok(post("/api/v1/markets/" + market + "/rollback", ADMIN, "{\"reason\": \"referrals doubled overnight\"}"));
        assertThat(status(market, second)).isEqualTo("RETIRED");

        // The cause is found elsewhere: the admin rolls forward to the retired version, no fresh copy.
        assertThat(post(path(market, second, "deploy"), REVIEWER, "{}").status())
                .isEqualTo(403);
        JsonNode redeployed =
                ok(post(path(market, second, "deploy"), ADMIN, "{}")).json();

        assertThat(redeployed.get("version").asInt()).isEqualTo(second);
        assertThat(redeployed.get("replaced").asInt()).isEqualTo(first);
        assertThat(status(market, second)).isEqualTo("DEPLOYED");
        assertThat(status(market, first)).isEqualTo("RETIRED");
        assertThat(ok(get("/api/v1/markets/" + market + "/versions", ANALYST))
                        .json()
                        .size())
                .as("no new version was needed")
                .isEqualTo(2);
        ObjectNode applicant = TestMarkets.application(
                Fixtures.json(getClass(), "prime-applicant.json"), market, "RF-" + UUID.randomUUID());
        JsonNode decision = decide(applicant).json();
        assertThat(decision.at("/policy/version").asInt()).isEqualTo(second);
        assertThat(decision.get("outcome").asString()).isEqualTo("REFER");

        // And back again: a rollback after a redeploy returns to the version it replaced.
        ok(post("/api/v1/markets/" + market + "/rollback", ADMIN, "{}"));
        assertThat(status(market, first)).isEqualTo("DEPLOYED");
        assertThat(status(market, second)).isEqualTo("RETIRED");
        assertThat(post(path(market, first, "deploy"), ADMIN, "{}").status())
                .as("deploy the champion again")
                .isEqualTo(409);
    }

    @Test
    void a_rollback_reason_is_recorded_in_the_deployment_history_and_the_audit_trail() {
        String market = "ZB";
        int first = approved(market, null, TestMarkets.artifacts(market));
        ok(post(path(market, first, "deploy"), ADMIN, "{}"));
        int second = approved(market, first, Map.of());
        ok(post(path(market, second, "deploy"), ADMIN, "{}"));

        ok(post("/api/v1/markets/" + market + "/rollback", ADMIN, "{\"reason\": \"approval rate fell 30 points\"}"));

        JsonNode latest = ok(get("/api/v1/markets/" + market + "/deployments", ANALYST))
                .json()
                .get(0);
        assertThat(latest.get("action").asString()).isEqualTo("ROLLBACK");
        assertThat(latest.get("reason").asString()).isEqualTo("approval rate fell 30 points");
        JsonNode rollback = null;
        for (JsonNode entry : ok(get("/api/v1/audit?market=" + market, ADMIN)).json()) {
            if (entry.get("action").asString().equals("ROLLBACK")) rollback = entry;
        }
        assertThat(rollback).isNotNull();
        assertThat(rollback.get("actor").asString()).isEqualTo("admin");
        assertThat(rollback.toString()).contains("approval rate fell 30 points");
        assertThat(post("/api/v1/markets/" + market + "/rollback", ADMIN, "{\"reason\": \"" + "x".repeat(1001) + "\"}")
                        .status())
                .as("a reason past 1000 characters")
                .isEqualTo(400);
    }

    @Test
    void its_author_discards_a_draft_which_then_leaves_every_list_but_the_audit_trail() {
        String market = "ZD";
        int kept = created(create(market, ANALYST, null, TestMarkets.artifacts(market)))
                .get("version")
                .asInt();
        int draft =
                created(create(market, ANALYST, kept, Map.of())).get("version").asInt();

        assertThat(post(path(market, draft, "discard"), ANALYST2, "{}").status())
                .as("someone else's draft")
                .isEqualTo(403);
        assertThat(post(path(market, draft, "discard"), REVIEWER, "{}").status())
                .as("a reviewer")
                .isEqualTo(403);
        JsonNode discarded =
                ok(post(path(market, draft, "discard"), ANALYST, "{}")).json();

        assertThat(discarded.get("status").asString()).isEqualTo("DISCARDED");
        List<Integer> listed = new ArrayList<>();
        ok(get("/api/v1/markets/" + market + "/versions", REVIEWER))
                .json()
                .forEach(v -> listed.add(v.get("version").asInt()));
        assertThat(listed).containsExactly(kept);
        assertThat(post(path(market, draft, "discard"), ANALYST, "{}").status())
                .as("discard twice")
                .isEqualTo(409);
        assertThat(post(path(market, draft, "submit"), ANALYST, "{}").status())
                .as("submit a discarded draft")
                .isEqualTo(409);
        ok(post(path(market, kept, "submit"), ANALYST, "{}"));
        assertThat(post(path(market, kept, "discard"), ANALYST, "{}").status())
                .as("discard in review")
                .isEqualTo(409);
        List<String> actions = new ArrayList<>();
        ok(get("/api/v1/audit?market=" + market, ADMIN))
                .json()
                .forEach(e -> actions.add(
                        e.get("action").asString() + " " + e.get("subject").asString()));
        assertThat(actions).contains("VERSION_DISCARDED v" + draft);
    }

    @Test
    void a_retired_version_may_be_a_challenger_and_only_an_admin_promotes_it() {
        String market = "ZC";
        int first = approved(market, null, TestMarkets.artifacts(market));
        ok(post(path(market, first, "deploy"), ADMIN, "{}"));
        int second = approved(market, first, Map.of());
        ok(post(path(market, second, "deploy"), ADMIN, "{}"));
        assertThat(status(market, first)).isEqualTo("RETIRED");

        ApiResponse started = post(
                "/api/v1/markets/" + market + "/experiments",
                REVIEWER,
                "{\"challengerVersion\": %d, \"trafficPercent\": 10, \"mode\": \"SPLIT\"}".formatted(first));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().get("id").asString();
        String promote = "/api/v1/markets/" + market + "/experiments/" + id + "/promote";
        assertThat(post(promote, REVIEWER, "{}").status()).isEqualTo(403);
        ok(post(promote, ADMIN, "{}"));

        assertThat(status(market, first)).isEqualTo("DEPLOYED");
        assertThat(status(market, second)).isEqualTo("RETIRED");
    }

    private int approved(String market, Integer basedOn, Map<String, String> artifacts) {
        int version = created(create(market, ANALYST, basedOn, artifacts))
                .get("version")
                .asInt();
        ok(post(path(market, version, "submit"), ANALYST, "{}"));
        ok(post(path(market, version, "approve"), REVIEWER, "{}"));
        return version;
    }

    private ApiResponse create(String market, Credentials who, Integer basedOn, Map<String, String> artifacts) {
        ObjectNode body = Json.object();
        if (basedOn != null) body.put("basedOn", basedOn);
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        return post("/api/v1/markets/" + market + "/versions", who, body);
    }

    private String status(String market, int version) {
        return ok(get(path(market, version, ""), ANALYST)).json().get("status").asString();
    }

    private static String path(String market, int version, String action) {
        return "/api/v1/markets/" + market + "/versions/" + version + (action.isEmpty() ? "" : "/" + action);
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}

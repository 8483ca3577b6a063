package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.TestMarkets;
import io.credence.support.ApiResponse;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the operations tests share: markets of their own copied from the India seed (optionally with
 * a rule appended to approval.drl), applications from distinct customers and devices, and scrapes
 * of /actuator/prometheus. Fixtures live next to this class, in {@code OperationsScenario/}.
 */
abstract class OperationsScenario extends FullStackTest {

    /** Creates, approves and deploys a version of {@code market}; returns its number. */
    protected int deploy(String market, String extraApprovalRule) {
        Map<String, String> artifacts = TestMarkets.artifacts(market);
        if (extraApprovalRule != null) artifacts.put("approval.drl", artifacts.get("approval.drl") + extraApprovalRule);
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        ApiResponse created = post("/api/v1/markets/" + market + "/versions", ANALYST, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        String path = "/api/v1/markets/" + market + "/versions/" + version;
        ok(post(path + "/submit", ANALYST, "{}"));
        ok(post(path + "/approve", REVIEWER, "{}"));
        ok(post(path + "/deploy", ADMIN, "{}"));
        return version;
    }

    protected static String fixture(String name) {
        return Fixtures.text(OperationsScenario.class, name);
    }

    /** A fixture application in {@code market} with its own application id, customer and device. */
    protected static ObjectNode application(String market, String fixture) {
        String suffix = UUID.randomUUID().toString().substring(0, 13);
        ObjectNode application = TestMarkets.application(
                Fixtures.json(OperationsScenario.class, fixture), market, market + "-" + suffix);
        ((ObjectNode) application.get("applicant")).put("customerId", "C-" + suffix);
        ((ObjectNode) application.get("device")).put("fingerprint", "d-" + suffix);
        return application;
    }

    protected JsonNode decided(ObjectNode application) {
        ApiResponse answer = decide(application);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    protected Scrape scrape() {
        return Scrape.parse(ok(get("/actuator/prometheus", NOBODY)).body());
    }

    protected static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }
}

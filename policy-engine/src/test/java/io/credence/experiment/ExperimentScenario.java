package io.credence.experiment;

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
 * What the experiment tests share: markets of their own copied from the India seed, approved
 * challengers made from a rule appended to a seed artifact, and applications from distinct customers.
 * Fixtures live next to this class, in {@code ExperimentScenario/}.
 */
abstract class ExperimentScenario extends FullStackTest {

    /** Creates, approves and deploys version 1 of {@code market}. */
    protected int deployedMarket(String market) {
        int version = approvedVersion(market, null, null);
        ok(post(versionPath(market, version, "deploy"), ADMIN, "{}"));
        return version;
    }

    /**
     * An APPROVED version of {@code market}: the India seed with the fixture rule {@code extraRule}
     * (null for none) appended to {@code artifact}.
     */
    protected int approvedVersion(String market, String artifact, String extraRule) {
        Map<String, String> artifacts = TestMarkets.artifacts(market);
        if (extraRule != null) artifacts.put(artifact, artifacts.get(artifact) + extraRule);
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        ApiResponse created = post("/api/v1/markets/" + market + "/versions", ANALYST, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        ok(post(versionPath(market, version, "submit"), ANALYST, "{}"));
        ok(post(versionPath(market, version, "approve"), REVIEWER, "{}"));
        return version;
    }

    protected static String rule(String fixture) {
        return Fixtures.text(ExperimentScenario.class, fixture);
    }

    /** Starts an experiment as a reviewer and returns its report. */
    protected JsonNode start(String market, String body) {
        ApiResponse started = post(experiments(market), REVIEWER, body);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json();
    }

    protected JsonNode report(String market, String id) {
        ApiResponse report = get(experiments(market) + "/" + id, ANALYST);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    /** The India seed's prime applicant in {@code market}, from {@code customerId}, with a new application id. */
    protected static ObjectNode application(String market, String customerId) {
        ObjectNode application = TestMarkets.application(
                Fixtures.json(ExperimentScenario.class, "prime-applicant.json"),
                market,
                market + "-" + UUID.randomUUID());
        ((ObjectNode) application.get("applicant")).put("customerId", customerId);
        return application;
    }

    /** Decides as the loan system and returns the answer, which must be a 200. */
    protected JsonNode decided(ObjectNode application) {
        ApiResponse answer = decide(application);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The market's entry in GET /api/v1/markets. */
    protected JsonNode marketSummary(String market) {
        for (JsonNode summary : get("/api/v1/markets", ANALYST).json()) {
            if (summary.get("market").asString().equals(market)) return summary;
        }
        throw new AssertionError("GET /api/v1/markets does not list " + market);
    }

    protected JsonNode audit(String market) {
        return get("/api/v1/audit?market=" + market + "&limit=1000", ADMIN).json();
    }

    protected static String experiments(String market) {
        return "/api/v1/markets/" + market + "/experiments";
    }

    protected static String versionPath(String market, int version, String action) {
        return "/api/v1/markets/" + market + "/versions/" + version + "/" + action;
    }

    protected static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}

package io.credence.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.PolicyPackage;
import io.credence.support.ApiResponse;
import io.credence.support.Eventually;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's two ends of a backtest run on Spark: the spec an analyst exports, and the report the
 * Spark job uploads, which then lists with the service's own runs. The uploaded report here is an
 * in-product run of the German credit demo reshaped as the Spark job writes it (source "spark", the
 * input's name); backtest-spark's SparkBacktestIT shows the job's figures equal the in-product ones.
 */
class SparkBacktestApiIT extends FullStackTest {

    private static final String REPORTS = "/api/v1/markets/GB/simulations/reports";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void an_analyst_exports_the_spec_of_a_version_against_the_champion_with_both_digests() {
        int champion = championOf("GB");
        JsonNode version =
                ok(get("/api/v1/markets/GB/versions/" + champion, ANALYST)).json();

        JsonNode spec = ok(get("/api/v1/markets/GB/simulations/spec?version=" + champion, REVIEWER))
                .json();

        assertThat(spec.get("market").asString()).isEqualTo("GB");
        assertThat(spec.get("version").asInt()).isEqualTo(champion);
        assertThat(spec.get("against").asInt())
                .as("against defaults to the champion")
                .isEqualTo(champion);
        assertThat(spec.get("minBandCount").asInt()).isEqualTo(SimulationRequest.DEFAULT_MIN_BAND_COUNT);
        JsonNode policy = spec.get("policies").get(0);
        assertThat(policy.get("digest").asString())
                .isEqualTo(version.get("digest").asString());
        Map<String, String> artifacts = new TreeMap<>();
        policy.get("artifacts")
                .properties()
                .forEach(e -> artifacts.put(e.getKey(), e.getValue().asString()));
        assertThat(PolicyPackage.of("GB", artifacts).digest())
                .as("the artifacts are exactly what the digest covers")
                .isEqualTo(policy.get("digest").asString());
    }

    @Test
    void the_spec_is_for_analysts_and_reviewers_and_names_every_missing_version() {
        assertThat(get("/api/v1/markets/GB/simulations/spec?version=1", ADMIN).status())
                .isEqualTo(403);
        assertThat(get("/api/v1/markets/GB/simulations/spec?version=1", LOAN_SYSTEM)
                        .status())
                .isEqualTo(403);
        assertThat(get("/api/v1/markets/GB/simulations/spec?version=1", NOBODY).status())
                .isEqualTo(401);
        ApiResponse missing = get("/api/v1/markets/GB/simulations/spec?version=998&against=999", ANALYST);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"version\"", "no version 998", "\"against\"", "no version 999");
    }

    @Test
    void an_uploaded_spark_report_lists_with_the_other_runs_marked_as_run_on_spark() {
        JsonNode report = sparkReport();

        ApiResponse created = post(REPORTS, ANALYST, report);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode stored =
                ok(get("/api/v1/markets/GB/simulations/" + id, REVIEWER)).json();
        assertThat(stored.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(stored.get("source").asString()).isEqualTo("spark");
        assertThat(stored.get("fileName").asString()).isEqualTo("applications-2026.parquet");
        assertThat(stored.get("createdBy").asString()).isEqualTo("analyst");
        for (String field : new String[] {
            "rowsRead",
            "rowsDecided",
            "rowsInvalid",
            "rowsChanged",
            "matrix",
            "approvalRates",
            "badRates",
            "ageBands",
            "fourFifths",
            "versionDigest",
            "againstDigest"
        }) {
            assertThat(stored.get(field)).as(field).isEqualTo(report.get(field));
        }
        JsonNode listed = ok(get("/api/v1/markets/GB/simulations", ANALYST)).json();
        assertThat(listed.findValuesAsString("id")).contains(id);
    }

    @Test
    void a_report_for_another_digest_market_or_with_figures_that_do_not_add_up_is_refused_and_nothing_is_stored() {
        JsonNode good = sparkReport();
        long before = count();

        ObjectNode stale = (ObjectNode) good.deepCopy();
        stale.put("versionDigest", "sha256:" + "0".repeat(64));
        ApiResponse refused = post(REPORTS, ANALYST, stale);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("versionDigest", "changed after the spec was exported");

        ObjectNode otherMarket = (ObjectNode) good.deepCopy();
        otherMarket.put("market", "MX");
        assertThat(post(REPORTS, ANALYST, otherMarket).body()).contains("\"market\"");

        ObjectNode edited = (ObjectNode) good.deepCopy();
        ((ObjectNode) edited.get("matrix").get("APPROVE"))
                .put("APPROVE", edited.at("/matrix/APPROVE/APPROVE").asLong() + 1);
        ApiResponse wrongSum = post(REPORTS, REVIEWER, edited);
        assertThat(wrongSum.status()).isEqualTo(400);
        assertThat(wrongSum.body()).contains("\"matrix\"", "adds up to");

        assertThat(post(REPORTS, ADMIN, good).status()).isEqualTo(403);
        assertThat(post(REPORTS, ANALYST, "{\"market\": \"GB\"}").body()).contains("\"version\"", "\"fileName\"");
        assertThat(count()).as("nothing half-saved").isEqualTo(before);
    }

    /** An in-product run of the German credit demo, reshaped as the Spark job writes its report.json. */
    private JsonNode sparkReport() {
        int champion = championOf("GB");
        String id = ok(
                        post(
                                "/api/v1/markets/GB/simulations",
                                ANALYST,
                                "{\"version\": " + champion + ", \"source\": \"demo\"}"),
                        202)
                .json()
                .get("id")
                .asString();
        JsonNode run = Eventually.await(
                "the demo backtest to finish",
                Duration.ofSeconds(120),
                () -> ok(get("/api/v1/markets/GB/simulations/" + id, ANALYST)).json(),
                r -> r.get("status").asString().equals("COMPLETED")
                        || r.get("status").asString().equals("FAILED"));
        ObjectNode report = (ObjectNode) run.deepCopy();
        for (String field : new String[] {"id", "createdBy", "createdAt", "limit", "error"}) report.remove(field);
        report.put("source", "spark");
        report.put("fileName", "s3a://lake/applications/applications-2026.parquet");
        report.set("spark", Json.object().put("master", "local[2]").put("format", "parquet"));
        return report;
    }

    private long count() {
        return jdbc.sql("select count(*) from simulation").query(Long.class).single();
    }

    private int championOf(String market) {
        for (JsonNode m : ok(get("/api/v1/markets", ANALYST)).json()) {
            if (m.get("market").asString().equals(market))
                return m.at("/champion/version").asInt();
        }
        throw new AssertionError("no market " + market);
    }

    private static ApiResponse ok(ApiResponse response) {
        return ok(response, 200);
    }

    private static ApiResponse ok(ApiResponse response, int expected) {
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response;
    }
}

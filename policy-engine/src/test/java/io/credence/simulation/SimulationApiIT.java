package io.credence.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Eventually;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Backtests over HTTP: upload a CSV, follow the progress, read the report; replay logged decisions;
 * the shipped German credit demo; and every refusal. Market YB is this test's own: a copy of the GB
 * seed whose versions 1 and 2 carry the small hand-worked policies of {@link SimulationReportTest}, so
 * the report over HTTP can be checked against the same hand-computed figures.
 */
class SimulationApiIT extends FullStackTest {

    private static final String MARKET = "YB";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int against;
    private static int candidate;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SimulationRunner runner;

    @Test
    void an_analyst_uploads_a_csv_follows_the_progress_and_reads_the_hand_computed_report() {
        ensureVersions();
        ApiResponse started = upload(
                ANALYST,
                "{\"version\": " + candidate + ", \"against\": " + against + ", \"minBandCount\": 4}",
                "applications.csv",
                Fixtures.text(SimulationReportTest.class, "applications.csv"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asString();

        JsonNode report = completed(id, REVIEWER);

        assertThat(report.get("progress").asInt()).isEqualTo(100);
        assertThat(report.get("version").asInt()).isEqualTo(candidate);
        assertThat(report.get("against").asInt()).isEqualTo(against);
        assertThat(report.get("source").asString()).isEqualTo("csv");
        assertThat(report.get("fileName").asString()).isEqualTo("applications.csv");
        assertThat(report.get("createdBy").asString()).isEqualTo("analyst");
        assertThat(report.get("versionDigest").asString()).startsWith("sha256:");
        JsonNode expected = Json.read(Fixtures.text(SimulationReportTest.class, "expected.json"));
        for (String field : new String[] {
            "rowsRead",
            "rowsDecided",
            "rowsInvalid",
            "rowsLabelled",
            "rowsChanged",
            "matrix",
            "approvalRates",
            "badRates",
            "ageBands",
            "fourFifths"
        }) {
            SimulationReportTest.assertSubset(expected.get(field), report.get(field), "$." + field);
        }
        assertThat(report.at("/invalidRows/1/errors/0/message").asString())
                .isEqualTo("must be GBP, the currency of market YB");
        assertThat(report.get("changedSample").size()).isEqualTo(6);
    }

    @Test
    void the_latest_completed_backtest_of_a_version_is_found_by_market_and_version() {
        ensureVersions();
        String id = upload(
                        ANALYST,
                        "{\"version\": " + candidate + ", \"against\": " + against + "}",
                        "again.csv",
                        Fixtures.text(SimulationReportTest.class, "applications.csv"))
                .json()
                .get("id")
                .asString();
        completed(id, ANALYST);

        JsonNode latest = ok(get("/api/v1/markets/" + MARKET + "/simulations/latest?version=" + candidate, REVIEWER))
                .json();
        JsonNode listed = ok(get("/api/v1/markets/" + MARKET + "/simulations?version=" + candidate, ADMIN))
                .json();

        assertThat(latest.get("id").asString()).isEqualTo(id);
        assertThat(latest.get("matrix")).isNotNull();
        assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
        assertThat(listed.get(0).has("invalidRows"))
                .as("lists leave the row lists out")
                .isFalse();
        assertThat(get("/api/v1/markets/" + MARKET + "/simulations/latest?version=999", REVIEWER)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void replays_the_latest_logged_decisions_of_the_market_with_the_context_they_saw() {
        for (int i = 0; i < 3; i++) {
            ObjectNode application = freshApplication("prime-GB.json");
            assertThat(decide(application).status()).isEqualTo(200);
        }
        int champion = championOf("GB");

        String id = status(
                        202,
                        post(
                                "/api/v1/markets/GB/simulations",
                                ANALYST,
                                "{\"version\": " + champion + ", \"source\": \"decisions\", \"limit\": 3}"))
                .json()
                .get("id")
                .asString();
        JsonNode report = completed(id, ANALYST);

        assertThat(report.get("against").asInt())
                .as("against defaults to the champion")
                .isEqualTo(champion);
        assertThat(report.get("rowsDecided").asLong()).isEqualTo(3);
        assertThat(matrixTotal(report)).isEqualTo(3);
        assertThat(report.get("rowsChanged").asLong())
                .as("the champion against itself changes nothing")
                .isZero();
        assertThat(report.has("badRates") && report.get("badRates").has("against"))
                .as("logged rows carry no label")
                .isFalse();
    }

    @Test
    void the_german_credit_demo_ships_for_GB_and_its_matrix_adds_up_to_the_rows_decided() {
        int champion = championOf("GB");
        String id = status(
                        202,
                        post(
                                "/api/v1/markets/GB/simulations",
                                REVIEWER,
                                "{\"version\": " + champion + ", \"against\": " + champion + ", \"source\": \"demo\"}"))
                .json()
                .get("id")
                .asString();

        JsonNode report = completed(id, ANALYST);

        assertThat(report.get("fileName").asString()).isEqualTo("german-credit-GB.csv");
        assertThat(report.get("rowsDecided").asLong()).isEqualTo(1000);
        assertThat(report.get("rowsLabelled").asLong()).isEqualTo(1000);
        assertThat(matrixTotal(report)).isEqualTo(1000);
        assertThat(report.at("/badRates/against").isNumber()).isTrue();
        assertThat(report.get("ageBands").size()).isGreaterThanOrEqualTo(5);
        assertThat(report.at("/fourFifths/candidate/ratio").isNumber()).isTrue();
    }

    @Test
    void a_malformed_upload_completes_with_its_bad_rows_listed_line_by_line() {
        ensureVersions();
        String id = upload(
                        ANALYST,
                        "{\"version\": " + candidate + ", \"against\": " + against + "}",
                        "bad.csv",
                        Fixtures.text(SimulationCsvTest.class, "bad-values.csv"))
                .json()
                .get("id")
                .asString();

        JsonNode report = completed(id, ANALYST);

        assertThat(report.get("rowsInvalid").asLong()).isEqualTo(8);
        assertThat(report.get("invalidRows").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("invalidRows").get(0).at("/errors/0/field").asString())
                .isEqualTo("applicant.monthlyIncome");
        assertThat(matrixTotal(report)).isEqualTo(report.get("rowsDecided").asLong());
    }

    @Test
    void several_backtests_run_at_once_and_each_completes() {
        ensureVersions();
        String body = "{\"version\": " + candidate + ", \"against\": " + against + "}";
        String csv = Fixtures.text(SimulationReportTest.class, "applications.csv");
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++)
            ids.add(status(202, upload(ANALYST, body, "run-" + i + ".csv", csv))
                    .json()
                    .get("id")
                    .asString());

        for (String id : ids)
            assertThat(completed(id, ANALYST).get("rowsDecided").asLong()).isEqualTo(18);
    }

    @Test
    void refuses_what_it_cannot_run_with_every_offending_field() {
        ensureVersions();
        JsonNode invalid = status(
                        400,
                        post(
                                "/api/v1/markets/" + MARKET + "/simulations",
                                ANALYST,
                                "{\"source\": \"decisions\", \"limit\": 0, \"against\": 999}"))
                .json();
        assertThat(Json.texts(invalid.get("errors"), "field")).containsExactlyInAnyOrder("version", "against", "limit");

        status(
                400,
                post(
                        "/api/v1/markets/" + MARKET + "/simulations",
                        ANALYST,
                        "{\"version\": " + candidate + ", \"against\": " + against + ", \"source\": \"everything\"}"));
        status(
                400,
                post(
                        "/api/v1/markets/" + MARKET + "/simulations",
                        ANALYST,
                        "{\"version\": " + candidate + ", \"against\": " + against + ", \"source\": \"demo\"}"));
        status(400, upload(ANALYST, "not json", "x.csv", "a,b\n"));
        status(404, post("/api/v1/markets/QQ/simulations", ANALYST, "{\"version\": 1, \"source\": \"decisions\"}"));
        status(404, get("/api/v1/markets/" + MARKET + "/simulations/" + UUID.randomUUID(), ANALYST));
    }

    @Test
    void analysts_and_reviewers_start_backtests_and_every_role_reads_them() {
        ensureVersions();
        String body = "{\"version\": " + candidate + ", \"against\": " + against + ", \"source\": \"decisions\"}";
        status(401, post("/api/v1/markets/" + MARKET + "/simulations", NOBODY, body));
        status(403, post("/api/v1/markets/" + MARKET + "/simulations", ADMIN, body));
        status(403, post("/api/v1/markets/" + MARKET + "/simulations", LOAN_SYSTEM, body));
        String id = status(202, post("/api/v1/markets/" + MARKET + "/simulations", REVIEWER, body))
                .json()
                .get("id")
                .asString();

        assertThat(ok(get("/api/v1/markets/" + MARKET + "/simulations/" + id, ADMIN))
                        .json()
                        .get("createdBy")
                        .asString())
                .isEqualTo("reviewer");
        status(401, get("/api/v1/markets/" + MARKET + "/simulations/" + id, NOBODY));
        status(404, get("/api/v1/markets/GB/simulations/" + id, ANALYST));
    }

    @Test
    void a_run_left_unfinished_by_a_stopped_instance_is_failed_at_start_up() {
        String id = UUID.randomUUID().toString();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        jdbc.sql("""
                insert into simulation (id, market, version, against, source, request_json, status, progress, rows_read,
                    rows_decided, rows_invalid, created_by, created_at, heartbeat_at, instance_id)
                values (?, 'GB', 1, 1, 'decisions', '{"version":1,"against":1}', 'RUNNING', 42, 0, 0, 0, 'analyst', ?, ?,
                    'an-instance-that-stopped')""").params(id, longAgo, longAgo).update();

        runner.failRunsInterruptedByARestart();

        JsonNode failed =
                ok(get("/api/v1/markets/GB/simulations/" + id, ANALYST)).json();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).startsWith("interrupted");
    }

    // Versions 1 and 2 of YB are created once per JVM (the context, and so the database, is shared).
    private synchronized void ensureVersions() {
        if (candidate != 0) return;
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("GB").artifacts());
        ObjectNode settings = (ObjectNode) Json.read(artifacts.get(PolicyPackage.SETTINGS));
        settings.put("market", MARKET);
        artifacts.put(PolicyPackage.SETTINGS, Json.write(settings));
        artifacts.put("approval.drl", Fixtures.text(SimulationReportTest.class, "against-approval.drl"));
        artifacts.put("pricing.drl", Fixtures.text(SimulationReportTest.class, "against-pricing.drl"));
        against = createVersion(null, artifacts);
        candidate = createVersion(
                against,
                Map.of(
                        "approval.drl", Fixtures.text(SimulationReportTest.class, "candidate-approval.drl"),
                        "pricing.drl", Fixtures.text(SimulationReportTest.class, "candidate-pricing.drl")));
    }

    private int createVersion(Integer basedOn, Map<String, String> artifacts) {
        ObjectNode body = Json.object();
        if (basedOn != null) body.put("basedOn", basedOn);
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        body.put("note", "backtest fixture");
        ApiResponse created = post("/api/v1/markets/" + MARKET + "/versions", ANALYST, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("version").asInt();
    }

    private int championOf(String market) {
        for (JsonNode m : ok(get("/api/v1/markets", ANALYST)).json()) {
            if (m.get("market").asString().equals(market))
                return m.at("/champion/version").asInt();
        }
        throw new AssertionError("no market " + market);
    }

    private JsonNode completed(String id, Credentials reader) {
        JsonNode done = Eventually.await(
                "backtest " + id + " to finish",
                RUN_TIMEOUT,
                () -> ok(get("/api/v1/markets/" + marketOf(id) + "/simulations/" + id, reader))
                        .json(),
                run -> !run.get("status").asString().equals("QUEUED")
                        && !run.get("status").asString().equals("RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        return done;
    }

    private String marketOf(String id) {
        return jdbc.sql("select market from simulation where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static long matrixTotal(JsonNode report) {
        long total = 0;
        for (JsonNode row : report.get("matrix")) {
            for (JsonNode cell : row) total += cell.asLong();
        }
        return total;
    }

    private ApiResponse upload(Credentials credentials, String request, String fileName, String csv) {
        String boundary = "credence-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"request\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + request + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/markets/" + MARKET + "/simulations"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (credentials.header() != null) builder.header(credentials.header(), credentials.value());
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ApiResponse ok(ApiResponse response) {
        return status(200, response);
    }

    private static ApiResponse status(int expected, ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response;
    }
}

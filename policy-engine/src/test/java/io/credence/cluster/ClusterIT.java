package io.credence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.TestCredenceApplication;
import io.credence.policy.TestMarkets;
import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Eventually;
import io.credence.support.Fixtures;
import io.credence.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances on one PostgreSQL database, as an operator runs them behind a load balancer: what
 * is changed through one is serving on the other within five seconds, even after the other lost
 * its database connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final String SERVER =
            System.getProperty("credence.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PASSWORD = "cluster-password";
    private static final String KEY = "cluster-api-key-0123456789";
    private static final Credentials ANALYST = Credentials.basic("analyst", PASSWORD);
    private static final Credentials REVIEWER = Credentials.basic("reviewer", PASSWORD);
    private static final Credentials ADMIN = Credentials.basic("admin", PASSWORD);
    private static final Credentials LOAN_SYSTEM = Credentials.apiKey(KEY);
    private static final Duration PROPAGATION = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MARKET = "ZC";

    @TempDir
    static Path dataDirs;

    private final String database =
            "credence_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void startTwoInstancesAtOnce() throws Exception {
        admin("create database " + database);
        var a = CompletableFuture.supplyAsync(() -> start("a"));
        var b = CompletableFuture.supplyAsync(() -> start("b"));
        first = a.get();
        second = b.get();
    }

    @AfterAll
    void stop() throws SQLException {
        if (first != null) first.close();
        if (second != null) second.close();
        admin("drop database if exists " + database + " with (force)");
    }

    @Test
    void a_deployment_through_one_instance_serves_on_the_other_within_five_seconds() throws Exception {
        int v1 = approvedVersion(first, 1);
        assertThat(call(first, "POST", versions() + "/" + v1 + "/deploy", ADMIN, "{}")
                        .status())
                .isEqualTo(200);
        awaitServing(second, v1);

        int v2 = approvedVersion(first, 2);
        assertThat(call(first, "POST", versions() + "/" + v2 + "/deploy", ADMIN, "{}")
                        .status())
                .isEqualTo(200);
        awaitServing(second, v2);

        assertThat(call(second, "POST", "/api/v1/markets/" + MARKET + "/rollback", ADMIN, "{}")
                        .status())
                .isEqualTo(200);
        awaitServing(first, v1);
    }

    @Test
    void a_decision_made_on_one_instance_can_be_looked_up_and_replayed_on_the_other() throws Exception {
        ApiResponse decided = call(
                first,
                "POST",
                "/api/v1/decisions",
                LOAN_SYSTEM,
                Json.write(application("IN", "CL-" + UUID.randomUUID())));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        String id = decided.json().get("decisionId").asString();

        JsonNode found =
                call(second, "GET", "/api/v1/decisions/" + id, ADMIN, null).json();
        assertThat(found.get("decisionId").asString()).isEqualTo(id);
        assertThat(call(second, "POST", "/api/v1/decisions/" + id + "/replay", ADMIN, "{}")
                        .json()
                        .get("matches")
                        .asBoolean())
                .isTrue();
        ApiResponse again = call(
                second,
                "POST",
                "/api/v1/decisions",
                LOAN_SYSTEM,
                Json.write(application("IN", found.get("applicationId").asString())));
        assertThat(again.json().get("decisionId").asString())
                .as("idempotent across instances")
                .isEqualTo(id);
    }

    @Test
    void a_deployment_still_reaches_an_instance_whose_database_connection_dropped() throws Exception {
        int version = approvedVersion(first, 3);
        admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                + "' and query like 'LISTEN%'");
        assertThat(call(first, "POST", versions() + "/" + version + "/deploy", ADMIN, "{}")
                        .status())
                .isEqualTo(200);
        awaitServing(second, version);
    }

    @Test
    void a_fraud_list_entry_added_on_one_instance_is_enforced_on_the_other() throws Exception {
        String device = "d-cluster-" + UUID.randomUUID();
        String entry = "{\"list\": \"DEVICE\", \"entry\": \"" + device + "\", \"reason\": \"cluster test\"}";
        assertThat(call(first, "POST", "/api/v1/fraud-lists/IN", ADMIN, entry).status())
                .isEqualTo(201);
        Eventually.await(
                "the device to be declined on the other instance",
                PROPAGATION,
                () -> {
                    ObjectNode application = application("IN", "CLF-" + UUID.randomUUID());
                    ObjectNode d = application.putObject("device");
                    d.put("fingerprint", device);
                    d.put("ipCountry", "IN");
                    return call(second, "POST", "/api/v1/decisions", LOAN_SYSTEM, Json.write(application));
                },
                response -> response.status() == 200
                        && "DECLINE".equals(response.json().get("outcome").asString()));
    }

    private void awaitServing(ConfigurableApplicationContext instance, int version) {
        Eventually.await(
                "v" + version + " of " + MARKET + " serving on the other instance",
                PROPAGATION,
                () -> call(
                        instance,
                        "POST",
                        "/api/v1/decisions",
                        LOAN_SYSTEM,
                        Json.write(application(MARKET, "CL-" + UUID.randomUUID()))),
                response -> response.status() == 200
                        && response.json().at("/policy/version").asInt() == version);
    }

    private int approvedVersion(ConfigurableApplicationContext instance, int marker) {
        var artifacts = TestMarkets.artifacts(MARKET);
        artifacts.put("approval.drl", artifacts.get("approval.drl") + "\n// cluster test version " + marker + "\n");
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        ApiResponse created = call(instance, "POST", versions(), ANALYST, Json.write(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        assertThat(call(instance, "POST", versions() + "/" + version + "/submit", ANALYST, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(call(instance, "POST", versions() + "/" + version + "/approve", REVIEWER, "{}")
                        .status())
                .isEqualTo(200);
        return version;
    }

    private ObjectNode application(String market, String applicationId) {
        ObjectNode application =
                TestMarkets.application(Fixtures.json(getClass(), "prime-applicant.json"), market, applicationId);
        ((ObjectNode) application.get("applicant")).put("customerId", "C-" + applicationId);
        return application;
    }

    private static String versions() {
        return "/api/v1/markets/" + MARKET + "/versions";
    }

    private ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(TestCredenceApplication.class)
                .run(
                        "--server.port=0",
                        "--credence.data-dir=" + dataDirs.resolve(name),
                        "--spring.datasource.url=" + SERVER + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--credence.demo.password=" + PASSWORD,
                        "--credence.api-key=" + KEY,
                        "--spring.jmx.enabled=false");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    private static ApiResponse call(
            ConfigurableApplicationContext instance, String method, String path, Credentials who, String body) {
        int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (who.header() != null) request.header(who.header(), who.value());
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

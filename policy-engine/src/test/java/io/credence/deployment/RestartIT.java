package io.credence.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.TestCredenceApplication;
import io.credence.policy.TestMarkets;
import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Stops Credence and starts it again on the same data directory: nothing is forgotten. */
class RestartIT {

    private static final String PASSWORD = "restart-password";
    private static final String KEY = "restart-api-key-0123456789";
    private static final Credentials ANALYST = Credentials.basic("analyst", PASSWORD);
    private static final Credentials REVIEWER = Credentials.basic("reviewer", PASSWORD);
    private static final Credentials ADMIN = Credentials.basic("admin", PASSWORD);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void a_restart_keeps_every_version_review_deployment_decision_and_audit_entry() throws Exception {
        String market = "ZS";
        String digest;
        String decisionId;
        JsonNode auditBefore;
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            ObjectNode body = Json.object();
            body.set("artifacts", Json.MAPPER.valueToTree(TestMarkets.artifacts(market)));
            body.put("note", "survives a restart");
            ApiResponse created =
                    call(port, "POST", "/api/v1/markets/" + market + "/versions", ANALYST, Json.write(body));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode v1 = created.json();
            digest = v1.get("digest").asString();
            String base = "/api/v1/markets/" + market + "/versions/1";
            call(port, "POST", base + "/submit", ANALYST, "{}");
            call(port, "POST", base + "/approve", REVIEWER, "{\"comment\": \"approved before the restart\"}");
            assertThat(call(port, "POST", base + "/deploy", ADMIN, "{}").status())
                    .isEqualTo(200);
            ObjectNode application =
                    TestMarkets.application(Fixtures.json(getClass(), "prime-applicant.json"), market, "RS-1");
            decisionId = call(port, "POST", "/api/v1/decisions", Credentials.apiKey(KEY), Json.write(application))
                    .json()
                    .get("decisionId")
                    .asString();
            auditBefore =
                    call(port, "GET", "/api/v1/audit?limit=5000", ADMIN, null).json();
        }

        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            JsonNode version = call(port, "GET", "/api/v1/markets/" + market + "/versions/1", ANALYST, null)
                    .json();
            assertThat(version.get("status").asString()).isEqualTo("DEPLOYED");
            assertThat(version.get("reviewer").asString()).isEqualTo("reviewer");
            assertThat(version.get("reviewComment").asString()).isEqualTo("approved before the restart");
            assertThat(version.get("note").asString()).isEqualTo("survives a restart");
            assertThat(version.get("digest").asString()).isEqualTo(digest);

            JsonNode markets =
                    call(port, "GET", "/api/v1/markets", ANALYST, null).json();
            assertThat(markets.toString())
                    .contains("\"market\":\"" + market + "\"")
                    .contains(digest);
            assertThat(call(port, "GET", "/api/v1/markets/" + market + "/deployments", ANALYST, null)
                            .json()
                            .size())
                    .isEqualTo(1);

            JsonNode decision = call(port, "GET", "/api/v1/decisions/" + decisionId, ADMIN, null)
                    .json();
            assertThat(decision.get("applicationId").asString()).isEqualTo("RS-1");
            assertThat(call(port, "POST", "/api/v1/decisions/" + decisionId + "/replay", ADMIN, "{}")
                            .json()
                            .get("matches")
                            .asBoolean())
                    .isTrue();

            JsonNode auditAfter =
                    call(port, "GET", "/api/v1/audit?limit=5000", ADMIN, null).json();
            assertThat(auditAfter.size()).isGreaterThanOrEqualTo(auditBefore.size());
            assertThat(auditAfter.toString())
                    .contains(auditBefore.get(0).get("hash").asString());
            assertThat(call(port, "GET", "/api/v1/audit/verify", ADMIN, null)
                            .json()
                            .get("intact")
                            .asBoolean())
                    .isTrue();
        }
    }

    private ConfigurableApplicationContext start() throws IOException {
        Files.createDirectories(dataDir);
        // Command-line arguments, not default properties: application.yml would override those.
        return new SpringApplicationBuilder(TestCredenceApplication.class)
                .run(
                        "--server.port=0",
                        "--credence.data-dir=" + dataDir,
                        "--credence.demo.password=" + PASSWORD,
                        "--credence.api-key=" + KEY,
                        "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static ApiResponse call(int port, String method, String path, Credentials who, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (who.header() != null) request.header(who.header(), who.value());
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(response.statusCode(), response.body());
    }
}

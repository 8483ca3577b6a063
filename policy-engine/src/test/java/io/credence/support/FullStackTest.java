package io.credence.support;

import io.credence.TestCredenceApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application as loan systems and people meet it: real HTTP on a random port, a fresh data
 * directory and database, the demo users with a known password and a known API key. Every
 * full-stack test extends this class and adds no configuration of its own, so the whole suite
 * shares one cached context and starts the application once.
 */
@SpringBootTest(
        classes = TestCredenceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "credence.demo.enabled=true",
            "credence.demo.password=" + FullStackTest.PASSWORD,
            "credence.api-key=" + FullStackTest.API_KEY
        })
public abstract class FullStackTest {

    public static final String PASSWORD = "it-demo-password";
    public static final String API_KEY = "it-loan-system-key-0123456789";

    protected static final Credentials LOAN_SYSTEM = Credentials.apiKey(API_KEY);
    protected static final Credentials ANALYST = Credentials.basic("analyst", PASSWORD);
    protected static final Credentials ANALYST2 = Credentials.basic("analyst2", PASSWORD);
    protected static final Credentials REVIEWER = Credentials.basic("reviewer", PASSWORD);
    protected static final Credentials REVIEWER2 = Credentials.basic("reviewer2", PASSWORD);
    protected static final Credentials ADMIN = Credentials.basic("admin", PASSWORD);
    /** The demo's second admin: role grants and password resets take two. */
    protected static final Credentials ADMIN2 = Credentials.basic("admin2", PASSWORD);

    protected static final Credentials NOBODY = Credentials.NONE;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void awaitHealthy() {
        Eventually.await(
                "GET /actuator/health to answer UP",
                Duration.ofSeconds(60),
                () -> get("/actuator/health", NOBODY),
                response -> response.status() == 200 && response.body().contains("\"UP\""));
    }

    protected static boolean runsOnPostgres() {
        return TestDatabase.isPostgres();
    }

    protected ApiResponse get(String path, Credentials credentials) {
        return send(request(path, credentials).GET());
    }

    protected ApiResponse post(String path, Credentials credentials, String body) {
        return send(request(path, credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected ApiResponse post(String path, Credentials credentials, String body, String contentType) {
        return send(request(path, credentials)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected ApiResponse post(String path, Credentials credentials, JsonNode body) {
        return post(path, credentials, Json.write(body));
    }

    protected ApiResponse put(String path, Credentials credentials, String body) {
        return send(request(path, credentials)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected ApiResponse delete(String path, Credentials credentials) {
        return send(request(path, credentials).DELETE());
    }

    /** POST /api/v1/decisions as the loan system. */
    protected ApiResponse decide(JsonNode application) {
        return post("/api/v1/decisions", LOAN_SYSTEM, application);
    }

    /**
     * A fixture application made unique: its own applicationId, customer and device, so that no
     * test sees another's velocity or idempotency records in the shared database.
     */
    protected ObjectNode freshApplication(String fixture) {
        ObjectNode application = Fixtures.json(getClass(), fixture);
        String suffix = UUID.randomUUID().toString().substring(0, 13);
        application.put("applicationId", "IT-" + suffix);
        if (application.get("applicant") instanceof ObjectNode applicant) applicant.put("customerId", "C-" + suffix);
        if (application.get("device") instanceof ObjectNode device) device.put("fingerprint", "d-" + suffix);
        return application;
    }

    protected static ObjectNode withApplicationId(ObjectNode application, String applicationId) {
        ObjectNode copy = application.deepCopy();
        copy.put("applicationId", applicationId);
        return copy;
    }

    private HttpRequest.Builder request(String path, Credentials credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT);
        if (credentials.header() != null) builder.header(credentials.header(), credentials.value());
        return builder;
    }

    private static ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an HTTP call", e);
        }
    }
}

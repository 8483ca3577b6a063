package io.credence.workbench.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged product ({@code target/credence.jar}, production-mode Vaadin) running as a separate
 * process for one test class: a free port, a fresh data directory, the demo users with
 * {@link #DEMO_PASSWORD} and the loan-system key {@link #API_KEY}. Register it as
 * {@code @RegisterExtension static final ProductionApp app = new ProductionApp();}; it starts before
 * the class's first test, answers once {@code /actuator/health} is UP, and stops after the last.
 * Its console goes to {@code target/browser-tests/<TestClass>.log}.
 */
public final class ProductionApp implements BeforeAllCallback, AfterAllCallback {

    public static final String DEMO_PASSWORD = "browser-tests-password";
    public static final String API_KEY = "browser-tests-api-key-7f3a9c";
    // Two shared cores can take minutes to start Spring, Vaadin and Drools; -Dcredence.start-timeout-seconds overrides.
    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("credence.start-timeout-seconds", 300));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path dataDir;
    private Path log;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    private void start(String name) throws IOException {
        Path jar = Path.of(System.getProperty("credence.jar", "target/credence.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("No " + jar + ": browser tests run against the packaged product; run ./mvnw package first.");
        }
        port = freePort();
        dataDir = Files.createTempDirectory("credence-it-");
        log = Path.of("target", "browser-tests", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx768m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("CREDENCE_") || key.equals("SPRING_PROFILES_ACTIVE"));
        builder.environment().put("CREDENCE_DATA_DIR", dataDir.toString());
        builder.environment().put("CREDENCE_DEMO_PASSWORD", DEMO_PASSWORD);
        builder.environment().put("CREDENCE_API_KEY", API_KEY);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        awaitHealthy();
    }

    /** Polls the health endpoint until UP; the wait between polls is a wait on the process, so a crash ends it at once. */
    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (healthy()) return;
            try {
                process.onExit().get(250, TimeUnit.MILLISECONDS);
                fail("credence.jar exited with " + process.exitValue() + " while starting:\n" + tail());
            } catch (TimeoutException stillRunning) {
                // not up yet: poll again
            } catch (InterruptedException | ExecutionException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for credence.jar to start");
            }
        }
        fail("credence.jar did not report UP within " + START_TIMEOUT.toSeconds() + " s:\n" + tail());
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() throws IOException, InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** POST /api/v1/decisions with the loan-system key; returns the response (status and JSON body). */
    public HttpResponse<String> decide(String applicationJson) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/decisions"))
                .header("X-Api-Key", API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(applicationJson))
                .build());
    }

    /** A call to the management API as a demo user (HTTP Basic); {@code body} null for a bodiless POST. */
    public HttpResponse<String> post(String user, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", basic(user))
                .GET()
                .build());
    }

    public HttpResponse<String> delete(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", basic(user))
                .DELETE()
                .build());
    }

    /** Sends any request, for calls the helpers above do not cover. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

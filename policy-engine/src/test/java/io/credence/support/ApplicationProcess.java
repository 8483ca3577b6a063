package io.credence.support;

import io.credence.TestCredenceApplication;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Credence in a JVM of its own, started from this test JVM's class path, for what cannot happen inside
 * the shared test context: being killed with SIGKILL, or refusing to start. Its output goes to a log
 * file in the data directory, which failures quote.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Credence on a free port with {@code --credence.data-dir=dataDir} and the given arguments. */
    public static ApplicationProcess start(Path dataDir, String... arguments) {
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            Path log = Files.createTempFile(dataDir, "credence-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    TestCredenceApplication.class.getName(),
                    "--server.port=" + port,
                    "--credence.data-dir=" + dataDir,
                    "--spring.jmx.enabled=false"));
            command.addAll(List.of(arguments));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // Only what the test passes configures the application, not the environment it runs in.
            builder.environment()
                    .keySet()
                    .removeIf(name ->
                            name.startsWith("CREDENCE_") || name.startsWith("SPRING_") || name.equals("SERVER_PORT"));
            return new ApplicationProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Credence in a process of its own", e);
        }
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until GET /actuator/health answers UP; fails at once, quoting the log, if the process dies. */
    public void awaitHealthy(Duration timeout) {
        String state = Eventually.await(
                "Credence on port " + port + " to answer UP",
                timeout,
                this::health,
                s -> s.equals("UP") || s.equals("DEAD"));
        if (state.equals("DEAD")) {
            throw new AssertionError(
                    "Credence exited with " + process.exitValue() + " before it was healthy:\n" + logTail());
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Credence was still running after " + timeout + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, no last flush. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiResponse call(String method, String path, Credentials credentials, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (credentials.header() != null) request.header(credentials.header(), credentials.value());
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String health() {
        if (!process.isAlive()) return "DEAD";
        try {
            ApiResponse health = call("GET", "/actuator/health", Credentials.NONE, null);
            return health.status() == 200 && health.body().contains("\"UP\"") ? "UP" : "status " + health.status();
        } catch (UncheckedIOException e) {
            return "not listening yet";
        }
    }

    private String logTail() {
        String text = log();
        return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

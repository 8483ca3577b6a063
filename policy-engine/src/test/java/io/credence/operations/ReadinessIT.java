package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.TestCredenceApplication;
import io.credence.support.ApiResponse;
import io.credence.support.Eventually;
import io.credence.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an instance on an empty data directory and watches its probes from the moment its port
 * opens: the seed policies are still being installed, compiled and warmed, so readiness is DOWN
 * (and says the policies are why) while liveness is already UP; once every market serves,
 * readiness turns UP and the root health answers exactly {"status":"UP"}.
 */
class ReadinessIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void readiness_is_down_until_every_market_is_loaded_and_warmed_then_up() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        ApplicationListener<WebServerInitializedEvent> portListener =
                event -> port.complete(event.getWebServer().getPort());
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(TestCredenceApplication.class)
                        .listeners(portListener)
                        .run(
                                "--server.port=0",
                                "--credence.data-dir=" + dataDir,
                                "--credence.demo.password=readiness-password",
                                "--credence.api-key=readiness-api-key-0123456789",
                                "--spring.jmx.enabled=false"),
                command -> Thread.ofPlatform().name("readiness-it-start").start(command));
        try {
            Eventually.await(
                    "the web server to listen",
                    Duration.ofSeconds(120),
                    () -> port.isDone() || app.isCompletedExceptionally(),
                    done -> done);
            assertThat(app.isCompletedExceptionally())
                    .as("the instance failed to start")
                    .isFalse();
            int listening = port.getNow(-1);

            List<String> seen = new ArrayList<>();
            boolean[] aliveWhileLoading = {false};
            ApiResponse ready = Eventually.await(
                    "readiness to turn UP",
                    Duration.ofSeconds(120),
                    () -> {
                        ApiResponse readiness = call(listening, "/actuator/health/readiness");
                        boolean answered = readiness.status() > 0;
                        if (answered && (seen.isEmpty() || !seen.getLast().equals(readiness.toString())))
                            seen.add(readiness.toString());
                        if (readiness.status() == 503
                                && call(listening, "/actuator/health/liveness").status() == 200) {
                            aliveWhileLoading[0] = true;
                        }
                        return readiness;
                    },
                    readiness -> readiness.status() == 200);
            assertThat(seen.getFirst())
                    .as("the first readiness answer, of %s", seen)
                    .startsWith("503 ");
            ApiResponse notReady = new ApiResponse(503, seen.getFirst().substring(4));
            assertThat(notReady.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(notReady.json().at("/components/policyStartup/status").asString())
                    .isEqualTo("DOWN");

            assertThat(aliveWhileLoading[0])
                    .as("liveness UP while readiness was DOWN, of %s", seen)
                    .isTrue();
            assertThat(ready.json().get("status").asString()).isEqualTo("UP");
            assertThat(app.get().isActive()).isTrue();
            ApiResponse root = call(listening, "/actuator/health");
            assertThat(root.status()).isEqualTo(200);
            assertThat(root.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(Json.read(call(listening, "/actuator/health/liveness").body())
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
        } finally {
            app.thenAccept(ConfigurableApplicationContext::close)
                    .exceptionally(failure -> null)
                    .join();
        }
    }

    private static ApiResponse call(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            return new ApiResponse(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.ApplicationProcess;
import io.credence.support.Credentials;
import io.credence.support.Eventually;
import io.credence.support.Fixtures;
import io.credence.support.Json;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 200 is a promise: Credence, in a JVM of its own on the embedded database, is killed with SIGKILL
 * while several loan systems are deciding, then started again on the same data directory; every
 * decision it answered 200 before dying must be there.
 */
class CrashDurabilityIT {

    private static final String PASSWORD = "crash-password";
    private static final String KEY = "crash-api-key-0123456789";
    private static final Credentials ADMIN = Credentials.basic("admin", PASSWORD);
    private static final int CLIENTS = 6;
    private static final int KILL_AFTER = 400;

    @TempDir
    Path dataDir;

    @Test
    void every_decision_answered_before_a_kill_minus_nine_is_there_after_the_restart() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ApplicationProcess first = start();
        try {
            first.awaitHealthy(Duration.ofMinutes(5));
            ObjectNode template = Fixtures.json(getClass(), "prime-IN.json");
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int n = 0; ; n++) {
                        ObjectNode application = template.deepCopy();
                        String applicationId = "CRASH-" + client + "-" + n;
                        application.put("applicationId", applicationId);
                        ((ObjectNode) application.get("applicant")).put("customerId", "C-" + applicationId);
                        ((ObjectNode) application.get("device")).put("fingerprint", "d-" + applicationId);
                        ApiResponse answer;
                        try {
                            sent.incrementAndGet();
                            answer = first.call(
                                    "POST", "/api/v1/decisions", Credentials.apiKey(KEY), Json.write(application));
                        } catch (UncheckedIOException killed) {
                            return null;
                        }
                        if (answer.status() == 200)
                            acknowledged.put(answer.json().get("decisionId").asString(), applicationId);
                    }
                }));
            }
            Eventually.await(
                    "decisions to be acknowledged under load",
                    Duration.ofSeconds(120),
                    acknowledged::size,
                    n -> n >= KILL_AFTER);
            first.kill();
            for (Future<?> client : running) client.get();
            clients.shutdown();
        } finally {
            first.close();
        }
        int acknowledgedAtKill = acknowledged.size();

        int checked = 0;
        try (ApplicationProcess second = start()) {
            second.awaitHealthy(Duration.ofMinutes(5));
            for (var decision : acknowledged.entrySet()) {
                ApiResponse stored = second.call("GET", "/api/v1/decisions/" + decision.getKey(), ADMIN, null);
                assertThat(stored.status())
                        .as("decision %s (%s) after the kill", decision.getKey(), decision.getValue())
                        .isEqualTo(200);
                JsonNode record = stored.json();
                assertThat(record.path("applicationId").asString()).isEqualTo(decision.getValue());
                assertThat(record.path("request").path("applicationId").asString())
                        .isEqualTo(decision.getValue());
                checked++;
            }
            assertThat(second.call("GET", "/api/v1/audit/verify", ADMIN, null)
                            .json()
                            .path("intact")
                            .asBoolean())
                    .isTrue();
        }
        System.out.printf(
                "CrashDurabilityIT: %d decision requests sent, %d answered 200 before SIGKILL, %d checked after "
                        + "the restart, all present%n",
                sent.get(), acknowledgedAtKill, checked);
        assertThat(checked).isEqualTo(acknowledgedAtKill).isGreaterThanOrEqualTo(KILL_AFTER);
    }

    private ApplicationProcess start() {
        return ApplicationProcess.start(dataDir, "--credence.demo.password=" + PASSWORD, "--credence.api-key=" + KEY);
    }
}

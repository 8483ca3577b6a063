package io.credence.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.TestMarkets;
import io.credence.support.ApiResponse;
import io.credence.support.Eventually;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deploys five versions in a row while loan systems keep sending applications: no request fails,
 * and every answer comes wholly from one real version.
 */
class HotDeployIT extends FullStackTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HotDeployIT.class);
    private static final String MARKET = "ZH";
    private static final int CLIENTS = 4;

    @Test
    void five_deploys_under_load_drop_no_request_and_never_mix_versions() throws Exception {
        Map<Integer, String> digests = new java.util.HashMap<>();
        Map<Integer, Integer> markers = new java.util.HashMap<>();
        int first = approvedVersion(1, digests, markers);
        ok(post(path(first, "deploy"), ADMIN, "{}"));
        List<Integer> next = new ArrayList<>();
        for (int k = 2; k <= 6; k++) next.add(approvedVersion(k, digests, markers));

        ObjectNode template = TestMarkets.application(Fixtures.json(getClass(), "prime-applicant.json"), MARKET, "x");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sequence = new AtomicLong();
        ConcurrentLinkedQueue<ApiResponse> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    long n = sequence.incrementAndGet();
                    ObjectNode application = TestMarkets.application(template, MARKET, "HD-" + n);
                    ((ObjectNode) application.get("applicant")).put("customerId", "C-HD-" + n);
                    answers.add(decide(application));
                }
            }));
        }
        List<Long> deployMillis = new ArrayList<>();
        try {
            for (int version : next) {
                long started = System.nanoTime();
                ok(post(path(version, "deploy"), ADMIN, "{}"));
                deployMillis.add((System.nanoTime() - started) / 1_000_000);
            }
            int last = next.getLast();
            Eventually.await(
                    "a decision made by v" + last,
                    Duration.ofSeconds(10),
                    () -> answers,
                    all -> all.stream()
                            .anyMatch(a -> a.status() == 200
                                    && a.json().at("/policy/version").asInt() == last));
        } finally {
            running.set(false);
            for (Future<?> loop : loops) loop.get();
            clients.shutdown();
        }

        assertThat(answers).as("decisions during the deploys").hasSizeGreaterThan(50);
        for (ApiResponse answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode body = answer.json();
            int version = body.at("/policy/version").asInt();
            assertThat(digests).as("a real version").containsKey(version);
            assertThat(body.at("/policy/digest").asString()).isEqualTo(digests.get(version));
            assertThat(body.get("outcome").asString()).as(answer.toString()).isEqualTo("APPROVE");
            assertThat(body.get("approvedAmount").asInt())
                    .as("made wholly by v" + version)
                    .isEqualTo(markers.get(version));
        }
        log.info("{} decisions during 5 deploys; deploy calls took {} ms", answers.size(), deployMillis);
    }

    private int approvedVersion(int k, Map<Integer, String> digests, Map<Integer, Integer> markers) {
        int marker = 200_000 - k;
        Map<String, String> artifacts = TestMarkets.artifacts(MARKET);
        artifacts.put(
                "pricing.drl",
                artifacts.get("pricing.drl")
                        + Fixtures.text(getClass(), "version-marker.drl").replace("MARKER", Integer.toString(marker)));
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        ApiResponse created = post("/api/v1/markets/" + MARKET + "/versions", ANALYST, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        ok(post(path(version, "submit"), ANALYST, "{}"));
        ok(post(path(version, "approve"), REVIEWER, "{}"));
        digests.put(version, created.json().get("digest").asString());
        markers.put(version, marker);
        return version;
    }

    private static String path(int version, String action) {
        return "/api/v1/markets/" + MARKET + "/versions/" + version + "/" + action;
    }

    private static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}

package io.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.TestMarkets;
import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Over ten thousand generated requests (FuzzRequests, reproducible from SEED) from several client
 * threads: mutated decision requests for a market of the test's own, and every documented endpoint
 * called as every role with hostile paths, queries and bodies. Nothing may answer 5xx; every refusal
 * is a JSON problem with a message and without a stack trace; and the decision log grows by exactly
 * the decisions that were answered 200, each with its idempotency row: no half-stored decision.
 */
class FuzzIT extends FullStackTest {

    private static final long SEED = 20261121L;
    private static final int DECISIONS = 7_000;
    private static final int MANAGEMENT_CALLS = 3_500;
    private static final int THREADS = 6;
    private static final String MARKET = "XF";
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |Exception:|java\\.lang\\.|org\\.springframework\\.|org\\.apache\\.|tools\\.jackson\\.|org\\.h2\\.|"
                    + "org\\.postgresql|SQLException|io\\.credence\\.[a-z]+\\.[A-Z]");

    /**
     * People the fuzzer logs in as: the demo roles, with a cheap bcrypt cost, so that thousands of Basic
     * logins do not spend the run hashing. The demo users themselves keep their passwords.
     */
    private static final String FUZZ_PASSWORD = "fuzz-password-0123";

    private final JdbcTemplate jdbc;

    @LocalServerPort
    private int port;

    @Autowired
    FuzzIT(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void fuzzUsersAndMarket() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(FUZZ_PASSWORD);
        for (String role : List.of("ANALYST", "REVIEWER", "ADMIN")) {
            String username = "fuzz-" + role.toLowerCase();
            if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username) == 0) {
                jdbc.update(
                        "insert into app_user (username, password_hash, roles, enabled, created_at) values (?, ?, ?, true, ?)",
                        username,
                        hash,
                        role,
                        java.sql.Timestamp.from(Instant.now()));
            }
        }
        deployOwnMarket();
    }

    @Test
    void ten_thousand_hostile_requests_get_no_5xx_only_json_refusals_and_no_half_stored_decision() throws Exception {
        FuzzRequests requests = new FuzzRequests(SEED, template(), MARKET, API_KEY, documentedEndpoints(), roles());
        long decisionsBefore = count("decision");
        long claimsBefore = count("decision_application");

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Set<String> decided = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        int total = DECISIONS + MANAGEMENT_CALLS;
        long started = System.nanoTime();

        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(clients.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < total; ) {
                    FuzzRequests.Call call =
                            n % 3 == 2 && n / 3 < MANAGEMENT_CALLS ? requests.management(n / 3) : requests.decision(n);
                    int times = call.twice() ? 2 : 1;
                    for (int i = 0; i < times; i++) {
                        sent.incrementAndGet();
                        check(call, statuses, decided, failures);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) client.get();
        clients.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        long grew = count("decision") - decisionsBefore;
        long claimed = count("decision_application") - claimsBefore;
        Map<Integer, Long> distribution = new TreeMap<>();
        statuses.forEach((status, n) -> distribution.put(status, n.sum()));
        System.out.printf(
                "FuzzIT: %d requests in %s from %d threads; statuses %s; %d distinct decisions answered 200, "
                        + "decision log grew by %d%n",
                sent.get(), took, THREADS, distribution, decided.size(), grew);

        assertThat(failures)
                .as(
                        "%d of %d requests broke a rule, for example:%n%s",
                        failures.size(),
                        sent.get(),
                        String.join("\n", failures.stream().limit(25).toList()))
                .isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(distribution.keySet())
                .allSatisfy(status -> assertThat(status).isLessThan(500));
        assertThat(grew)
                .as("decisions stored vs distinct decisions answered 200")
                .isEqualTo(decided.size());
        assertThat(claimed).as("application ids claimed vs decisions stored").isEqualTo(grew);
        assertThat(jdbc.queryForObject(
                        "select count(*) from decision d where not exists "
                                + "(select 1 from decision_application a where a.decision_id = d.id)",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from decision_application a where not exists "
                                + "(select 1 from decision d where d.id = a.decision_id)",
                        Long.class))
                .isZero();
        assertThat(get("/api/v1/audit/verify", ADMIN).json().get("intact").asBoolean())
                .isTrue();
    }

    private void check(
            FuzzRequests.Call call,
            Map<Integer, LongAdder> statuses,
            Set<String> decided,
            ConcurrentLinkedQueue<String> failures) {
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, call.method(), call.target(), call.headers(), call.body(), call.chunked());
        } catch (IOException e) {
            failures.add(call.what() + ": no answer (" + e.getMessage() + ")");
            return;
        }
        statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
        String body = response.text();
        String problem = null;
        if (response.status() >= 500) {
            problem = "answered " + response.status();
        } else if (response.status() >= 400) {
            problem = problemBodyFault(response);
        } else if (call.isDecision() && response.status() == 200) {
            JsonNode decision = Json.read(body);
            if (decision.path("decisionId").asString().isBlank()) problem = "a 200 without a decisionId";
            else decided.add(decision.get("decisionId").asString());
        }
        if (problem == null && INTERNALS.matcher(body).find()) problem = "the body shows internals";
        if (problem != null) {
            failures.add(call.what() + ": " + problem + " -> " + response.status() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    /** Null when the answer is a proper problem: JSON, a status, and a message a person can read. */
    private static String problemBodyFault(RawHttp.Response response) {
        String type = response.header("content-type");
        if (type == null || !type.contains("json"))
            return "a " + response.status() + " that is not JSON (" + type + ")";
        JsonNode problem;
        try {
            problem = Json.read(response.text());
        } catch (RuntimeException e) {
            return "a " + response.status() + " whose body does not parse";
        }
        if (!problem.isObject()) return "a " + response.status() + " whose body is not an object";
        if (problem.path("detail").asString("").isBlank()) return "a " + response.status() + " without a detail";
        if (problem.path("status").asInt() != response.status()) return "a problem whose status is not the answer's";
        return null;
    }

    private Map<String, Credentials> roles() {
        Map<String, Credentials> roles = new LinkedHashMap<>();
        roles.put("anonymous", Credentials.NONE);
        roles.put("api key", LOAN_SYSTEM);
        roles.put("analyst", Credentials.basic("fuzz-analyst", FUZZ_PASSWORD));
        roles.put("reviewer", Credentials.basic("fuzz-reviewer", FUZZ_PASSWORD));
        roles.put("admin", Credentials.basic("fuzz-admin", FUZZ_PASSWORD));
        return roles;
    }

    /** Every operation the OpenAPI document lists, so endpoints added later are fuzzed too. */
    private List<FuzzRequests.Endpoint> documentedEndpoints() {
        ApiResponse apiDocs = get("/v3/api-docs", NOBODY);
        assertThat(apiDocs.status()).isEqualTo(200);
        List<FuzzRequests.Endpoint> endpoints = new ArrayList<>();
        apiDocs.json()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> endpoints.add(
                                new FuzzRequests.Endpoint(operation.getKey().toUpperCase(), path.getKey()))));
        assertThat(endpoints).hasSizeGreaterThan(30);
        return endpoints;
    }

    private ObjectNode template() {
        return TestMarkets.application(Fixtures.json(getClass(), "prime-applicant.json"), MARKET, "FZ-template");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void deployOwnMarket() {
        for (JsonNode market : get("/api/v1/markets", ANALYST).json()) {
            if (market.path("market").asString().equals(MARKET) && market.hasNonNull("champion")) return;
        }
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(TestMarkets.artifacts(MARKET)));
        body.put("note", "fuzzing target");
        ApiResponse created = post("/api/v1/markets/" + MARKET + "/versions", ANALYST, body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String version = "/api/v1/markets/" + MARKET + "/versions/"
                + created.json().get("version").asInt();
        assertThat(post(version + "/submit", ANALYST, "{}").status()).isEqualTo(200);
        assertThat(post(version + "/approve", REVIEWER, "{}").status()).isEqualTo(200);
        assertThat(post(version + "/deploy", ADMIN, "{}").status()).isEqualTo(200);
        ApiResponse probe = decide(TestMarkets.application(template(), MARKET, "FZ-probe"));
        assertThat(probe.status()).as("%s", probe).isEqualTo(200);
    }
}

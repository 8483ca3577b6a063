package io.credence.benchmark;

import io.credence.TestCredenceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loan-outcome figures (docs/performance.md, "Loan outcomes"), test code but not a test:
 * <ol>
 * <li>ingestion: {@code decisions} approved decisions are bulk-loaded with SQL (their making is not what is
 * measured), then one outcome record per loan is sent as the loan system sends it, POST /api/v1/outcomes in
 * batches of 10,000 over HTTP; records/s over the whole stream;
 * <li>the report (PostgreSQL): {@code reportRows} decisions with outcomes bulk-loaded with SQL in market ZB
 * (decision log and outcome tables, a year of funding months, bad probability tied to the score), then
 * GET /api/v1/markets/ZB/performance timed five times after one warm-up.
 * </ol>
 * Arguments: {@code h2|postgresql [decisions, 50000] [reportRows, 1000000]}. Each run uses a fresh data
 * directory and, on PostgreSQL, a fresh database on 127.0.0.1:5432 (user postgres), dropped at the end.
 */
public final class OutcomeBenchmark {

    private static final String KEY = "bench-loan-system-key-0123456789";
    private static final String PASSWORD = "bench-demo-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OutcomeBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length > 0 && args[0].equals("postgresql");
        int decisions = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int reportRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path dataDir = Files.createTempDirectory("credence-outcome-bench");
        String database = "credence_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "credence.data-dir=" + dataDir,
                "credence.demo.enabled=true",
                "credence.demo.password=" + PASSWORD,
                "credence.api-key=" + KEY,
                "logging.level.root=WARN"));
        if (postgres) {
            admin("create database " + database);
            properties.add("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database);
            properties.add("spring.datasource.username=postgres");
            properties.add("spring.datasource.password=");
        }
        // as command-line arguments: they outrank application.yml, which default properties would not
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestCredenceApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (decisions > 0) ingestion(base, jdbc, decisions, postgres);
            if (postgres) {
                report(base, jdbc, reportRows);
                explain(jdbc);
            }
        } finally {
            if (postgres) admin("drop database if exists " + database + " with (force)");
        }
    }

    private static void ingestion(String base, JdbcTemplate jdbc, int n, boolean postgres) throws Exception {
        Random random = new Random(18);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Object[]> decisionRows = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "BENCH-" + i;
            LocalDate decided = today.minusDays(5 + random.nextInt(360));
            int score = 550 + random.nextInt(300);
            decisionRows.add(new Object[] {
                UUID.randomUUID().toString(),
                id,
                "IN",
                score,
                Timestamp.from(decided.atStartOfDay(ZoneOffset.UTC).toInstant())
            });
            int dpd = random.nextDouble() < badProbability(score) ? 90 + random.nextInt(60) : random.nextInt(3) * 15;
            records.add(String.format(
                    Locale.ROOT,
                    "{\"applicationId\":\"%s\",\"asOf\":\"%s\",\"funded\":true,"
                            + "\"fundedAt\":\"%s\",\"fundedAmount\":200000,\"daysPastDue\":%d,\"status\":\"%s\","
                            + "\"principalOutstanding\":150000,\"lossAmount\":0}",
                    id,
                    today,
                    decided.plusDays(3),
                    dpd,
                    dpd >= 30 ? "DELINQUENT" : "CURRENT"));
        }
        jdbc.batchUpdate(
                "insert into decision_application (application_id, decision_id, market) values (?, ?, 'IN')",
                decisionRows.stream().map(r -> new Object[] {r[1], r[0]}).toList());
        jdbc.batchUpdate("""
                insert into decision (id, application_id, market, outcome, score, policy_version, policy_digest, arm,
                    request_hash, result_json, context_json, duration_micros, evaluated_at)
                values (?, ?, ?, 'APPROVE', ?, 1, 'sha256:bench', 'champion', 'bench', '{}', '{}', 100, ?)""", decisionRows);
        long started = System.nanoTime();
        int accepted = 0;
        for (int from = 0; from < n; from += 10_000) {
            String body =
                    "{\"outcomes\":[" + String.join(",", records.subList(from, Math.min(n, from + 10_000))) + "]}";
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes"))
                    .header("X-Api-Key", KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 200 || !response.body().contains("\"rejected\":[]")) {
                throw new IllegalStateException("outcome batch refused: " + response.statusCode() + " "
                        + response.body()
                                .substring(0, Math.min(500, response.body().length())));
            }
            accepted += Math.min(10_000, n - from);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "ingestion (%s): %d outcome records in %.2f s = %.0f records/s%n",
                postgres ? "PostgreSQL" : "H2",
                accepted,
                seconds,
                accepted / seconds);
    }

    private static void report(String base, JdbcTemplate jdbc, int rows) throws Exception {
        long loadStart = System.nanoTime();
        jdbc.execute(
                "create table if not exists loan_performance_zb partition of loan_performance for values in ('ZB')");
        jdbc.execute("create table if not exists decision_zb partition of decision for values in ('ZB')");
        // a year of decisions; three versions; score 500-850; about 70% approved; bad probability falling
        // with the score (see badProbability), bad at a month on book spread over the months observed
        jdbc.execute(("""
                insert into decision (id, application_id, market, outcome, score, policy_version, policy_digest, arm,
                    request_hash, result_json, context_json, duration_micros, evaluated_at)
                select 'zb-' || g, 'ZB-' || g, 'ZB', case when g %% 10 < 7 then 'APPROVE' else 'DECLINE' end,
                    500 + (cast(g as bigint) * 7919) %% 351, 1 + g %% 3, 'sha256:bench', 'champion', 'bench', '{}', '{}', 100,
                    now() - make_interval(days => 1 + (g %% 365))
                from generate_series(1, %d) g""").formatted(rows));
        jdbc.execute(("""
                insert into loan_performance (market, application_id, policy_version, arm, experiment_id, decision, score,
                    probability, decided_at, funded, funded_at, funded_month, funded_amount, months_observed, bad_month,
                    matured, loss_amount, last_as_of, score_bin)
                select 'ZB', application_id, policy_version, arm, null, outcome, score, null, evaluated_at,
                    funded, funded_at, to_char(funded_at, 'YYYY-MM'), 200000, observed, bad_month,
                    bad_month is not null or observed >= 12, case when bad_month is not null then 50000 else 0 end,
                    current_date, round(cast(score as numeric(20, 6)), 2)
                from (select d.*, (hashtext(application_id) & 1023) < 950 as funded,
                        cast(evaluated_at as date) + 3 as funded_at,
                        (current_date - (cast(evaluated_at as date) + 3)) / 30 as observed,
                        case when (hashtext(application_id || 'bad') & 1023) / 1024.0
                                < 0.02 + 0.18 * (850 - score) / 350.0
                             then ((hashtext(application_id || 'm') & 1023) %% (1 + (current_date - cast(evaluated_at as date)) / 30))
                        end as bad_month
                      from decision d where market = 'ZB' and outcome = 'APPROVE') loans""").formatted());
        // what autovacuum does to an append-only table after a while: statistics, and the visibility map
        // that lets the per-version counts come from the index alone
        jdbc.execute("vacuum analyze decision");
        jdbc.execute("vacuum analyze loan_performance");
        long loans = jdbc.queryForObject("select count(*) from loan_performance where market = 'ZB'", Long.class);
        System.out.printf(
                Locale.ROOT,
                "report data: %d decisions, %d with outcomes, loaded in %.1f s%n",
                rows,
                loans,
                (System.nanoTime() - loadStart) / 1e9);
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/markets/ZB/performance"))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString(("analyst:" + PASSWORD).getBytes()))
                .GET()
                .build();
        send(HttpRequest.newBuilder(get.uri()).headers(header(get)).GET());
        long[] millis = new long[5];
        int size = 0;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(get.uri()).headers(header(get)).GET());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != 200) throw new IllegalStateException(response.body());
            size = response.body().length();
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "performance report over %d decisions (%d with outcomes): min %d ms, median %d ms, "
                        + "max %d ms (%d bytes)%n",
                rows,
                loans,
                millis[0],
                millis[2],
                millis[4],
                size);
    }

    /**
     * The report's queries as PostgreSQL runs them, each with EXPLAIN (ANALYZE, BUFFERS): where the time of
     * a report goes, on the database's own clock (less sensitive to a busy machine than the HTTP timing).
     * Kept in step with DecisionLog.countsByVersion and OutcomeRepository by hand.
     */
    private static void explain(JdbcTemplate jdbc) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("decisions per version (decision log)", """
                select policy_version, count(*) as n, sum(case when outcome = 'APPROVE' then 1 else 0 end) as approvals
                from decision where market = 'ZB' group by policy_version""");
        queries.put("loan totals per version", """
                select policy_version, count(*), count(*) filter (where funded),
                    count(bad_month) filter (where funded), count(*) filter (where funded and matured),
                    count(bad_month) filter (where funded and matured), sum(loss_amount) filter (where funded)
                from loan_performance where market = 'ZB' group by policy_version""");
        queries.put("score histogram", """
                select policy_version, score_bin, probability_bin, count(*), count(bad_month),
                    count(*) filter (where matured), count(bad_month) filter (where matured), sum(probability),
                    count(probability)
                from loan_performance where market = 'ZB' and funded and score is not null
                group by policy_version, score_bin, probability_bin""");
        queries.put("vintage cells", """
                select policy_version, funded_month, bad_month, count(*), max(months_observed)
                from loan_performance where market = 'ZB' and funded group by policy_version, funded_month, bad_month""");
        double total = 0;
        for (var query : queries.entrySet()) {
            // in a transaction with the work_mem the report sets (OutcomeRepository.scoreBins)
            List<String> plan = jdbc.execute((java.sql.Connection c) -> {
                c.setAutoCommit(false);
                List<String> lines = new ArrayList<>();
                try (Statement s = c.createStatement()) {
                    s.execute("set local work_mem = '64MB'");
                    try (var rs = s.executeQuery("explain (analyze, buffers) " + query.getValue())) {
                        while (rs.next()) lines.add(rs.getString(1));
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                return lines;
            });
            String time = plan.stream()
                    .filter(l -> l.startsWith("Execution Time"))
                    .findFirst()
                    .orElse("?");
            total += Double.parseDouble(time.replaceAll("[^0-9.]", ""));
            System.out.printf(Locale.ROOT, "EXPLAIN %s: %s%n", query.getKey(), time);
            plan.stream()
                    .filter(l -> !l.startsWith("Planning") && !l.startsWith("Execution"))
                    .forEach(l -> System.out.println("    " + l));
        }
        System.out.printf(Locale.ROOT, "EXPLAIN total execution time of the report's queries: %.1f ms%n", total);
    }

    /** The demo's bad probability: 2% at a score of 850 rising to 20% at 500. */
    static double badProbability(int score) {
        return 0.02 + 0.18 * (850 - Math.min(850, Math.max(500, score))) / 350.0;
    }

    private static String[] header(HttpRequest request) {
        return new String[] {
            "Authorization", request.headers().firstValue("Authorization").orElseThrow()
        };
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

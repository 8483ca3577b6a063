package io.credence.outcome;

import io.credence.TestCredenceApplication;
import io.credence.support.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year of demo loan history in a fresh data directory, for the Performance screen's vintages and an
 * experiment's bad rates (README, "Loan outcomes"); test code, run with the command in
 * benchmarks/demo-outcomes.py's header.
 *
 * <p>The contract refuses an outcome dated before its decision or in the future, so loans observed over
 * months need decisions made months ago. Rather than backdating rows, this starts the API (demo profile)
 * on the directory with the tests' {@link MovableClock} and walks it through the past months: in each
 * month it makes that month's decisions through {@code POST /api/v1/decisions}, and at each month end it
 * sends, through {@code POST /api/v1/outcomes}, the servicing system's month-end observation of every loan
 * funded so far. Every record is valid on the day it is sent; nothing is written around the API. Then it
 * stops; run the workbench on the same directory ({@code CREDENCE_DATA_DIR=... ./credence}).
 *
 * <p>The stream (seeded, so repeatable): the India seed's prime applicant with the bureau score uniform
 * over 600-850 and the income over 40,000-150,000; an A/A experiment (the champion against itself, 50%
 * split) running from the first month; of the approved, 8% never take the loan up, the rest are funded
 * 0-6 days after the decision; a loan goes bad with probability 0.02 + 0.25 * (850 - score) / 250 (2% at
 * 850, 27% at 600), at a month on book drawn from 3 to 10 (earlier more likely), reported 30, 60 and then
 * 90+ days past due (DELINQUENT), charged off a month later with 60% of the amount lost; the others are
 * CURRENT (now and then 1-29 days late) and PAID_OFF after their 24-month term.
 *
 * <p>Arguments: {@code dataDir [months, 18] [applications, 3000] [market, IN]}. The directory must be
 * new or empty: demo loans never go into an existing database.
 */
public final class DemoOutcomeHistory {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRIME = """
            {"applicationId": "%s", "market": "%s", "product": "PERSONAL_LOAN", "channel": "APP",
             "applicant": {"customerId": "%s", "age": 34, "monthlyIncome": %d, "employmentStatus": "SALARIED",
               "employmentMonths": 60, "residentialStatus": "RENTER", "dependents": 1, "kycVerified": true},
             "loan": {"amount": 200000, "currency": "INR", "termMonths": 24, "purpose": "DEBT_CONSOLIDATION"},
             "bureau": {"score": %d, "historyMonths": 48, "delinquencies12m": 0, "openLoans": 2, "inquiries6m": 1,
               "monthlyDebtPayments": 12000}}""";

    private DemoOutcomeHistory() {}

    /** A loan as the demo's servicing system knows it; {@code badMonth} null for a loan that stays good. */
    private record Loan(String applicationId, LocalDate fundedAt, long amount, Integer badMonth, Random rng) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DemoOutcomeHistory dataDir [months] [applications] [market]");
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 18;
        int applications = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        String market = args.length > 3 ? args[3] : "IN";
        if (Files.isDirectory(dataDir)) {
            try (var entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dataDir + " is not empty: demo loans go into a new data directory"
                            + " only, never into an existing database");
                }
            }
        }
        Files.createDirectories(dataDir);
        String password = env("CREDENCE_DEMO_PASSWORD", "demo-outcomes-password");
        String key = env("CREDENCE_API_KEY", "demo-outcomes-loan-system-key-0123456789");
        String[] properties = {
            "--server.port=0",
            "--credence.data-dir=" + dataDir,
            "--credence.demo.enabled=true",
            "--credence.demo.password=" + password,
            "--credence.api-key=" + key,
            "--logging.level.root=WARN"
        };
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(TestCredenceApplication.class).run(properties)) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            MovableClock clock = context.getBean(MovableClock.class);
            try {
                new Run(base, password, key, market, clock).history(months, applications);
            } finally {
                clock.reset();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Now: CREDENCE_DATA_DIR=%s CREDENCE_DEMO_PASSWORD=%s CREDENCE_API_KEY=%s ./credence%n"
                        + "then the Performance screen (/performance) and the experiment of %s.%n",
                dataDir,
                password,
                key,
                market);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static final class Run {
        private final String base;
        private final String reviewer;
        private final String key;
        private final String market;
        private final MovableClock clock;
        private final Random rng = new Random(18);
        private final List<Loan> loans = new ArrayList<>();
        private final Map<LocalDate, List<Map<String, Object>>> notTakenUp = new TreeMap<>();
        private int decided;
        private int approved;
        private int sent;

        Run(String base, String password, String key, String market, MovableClock clock) {
            this.base = base;
            this.reviewer = "Basic " + Base64.getEncoder().encodeToString(("reviewer:" + password).getBytes());
            this.key = key;
            this.market = market;
            this.clock = clock;
        }

        void history(int months, int applications) throws Exception {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate first = today.minusMonths(months).withDayOfMonth(1);
            moveTo(first);
            startExperiment();
            LocalDate monthStart = first;
            int made = 0;
            for (int m = 0; m <= months; m++) {
                LocalDate monthEnd =
                        m == months ? today : monthStart.plusMonths(1).minusDays(1);
                int thisMonth = (applications - made) / (months + 1 - m);
                int days = (int) (monthEnd.toEpochDay() - monthStart.toEpochDay()) + 1;
                for (int i = 0; i < thisMonth; i++) {
                    LocalDate day = monthStart.plusDays((long) i * days / thisMonth);
                    moveTo(day);
                    decide(made++, day, today);
                }
                moveTo(monthEnd);
                monthEnd(monthStart, monthEnd);
                monthStart = monthStart.plusMonths(1);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d decisions over %d months (%d approved, %d funded), %d outcome records accepted%n",
                    decided,
                    months + 1,
                    approved,
                    loans.size(),
                    sent);
        }

        /** The clock at noon UTC of {@code day} (the past), or the real time for today. */
        private void moveTo(LocalDate day) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            clock.setOffset(
                    day.isBefore(today)
                            ? Duration.between(
                                    java.time.Instant.now(), day.atTime(12, 0).toInstant(ZoneOffset.UTC))
                            : Duration.ZERO);
        }

        private void startExperiment() throws Exception {
            JsonNode markets = get("/api/v1/markets");
            int champion = 0;
            for (JsonNode m : markets) {
                if (m.get("market").asString().equals(market))
                    champion = m.get("champion").get("version").asInt();
            }
            HttpResponse<String> started =
                    send(HttpRequest.newBuilder(URI.create(base + "/api/v1/markets/" + market + "/experiments"))
                            .header("Authorization", reviewer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"challengerVersion\": " + champion
                                    + ", \"trafficPercent\": 50, \"mode\": \"SPLIT\"}")));
            if (started.statusCode() != 201) {
                throw new IllegalStateException("could not start the demo experiment: " + started.body());
            }
        }

        private void decide(int i, LocalDate day, LocalDate today) throws Exception {
            String id = "DEMO-" + i;
            int score = 600 + rng.nextInt(251);
            String body = PRIME.formatted(id, market, "DEMO-C-" + i, 40_000 + rng.nextInt(110_001), score);
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                    .header("X-Api-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("decision " + id + " failed: " + response.body());
            }
            decided++;
            JsonNode decision = JSON.readTree(response.body());
            if (!decision.get("outcome").asString().equals("APPROVE")) return;
            approved++;
            Random loanRng = new Random(rng.nextLong());
            if (loanRng.nextDouble() < 0.08) {
                LocalDate asOf = day.plusDays(14).isAfter(today) ? today : day.plusDays(14);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("applicationId", id);
                record.put("asOf", asOf.toString());
                record.put("funded", false);
                notTakenUp.computeIfAbsent(asOf, d -> new ArrayList<>()).add(record);
                return;
            }
            LocalDate fundedAt = day.plusDays(loanRng.nextInt(7));
            if (fundedAt.isAfter(today)) fundedAt = today;
            long amount = decision.has("approvedAmount")
                    ? decision.get("approvedAmount").asLong()
                    : 200_000;
            Integer badMonth = null;
            if (loanRng.nextDouble() < 0.02 + 0.25 * (850 - score) / 250) {
                // earlier more likely: the smaller of two draws over 3..10
                badMonth = 3 + Math.min(loanRng.nextInt(8), loanRng.nextInt(8));
            }
            loans.add(new Loan(id, fundedAt, amount, badMonth, loanRng));
        }

        /** The servicing system's month-end file: every funded loan's state on its monthly date in the month. */
        private void monthEnd(LocalDate monthStart, LocalDate monthEnd) throws Exception {
            List<Map<String, Object>> records = new ArrayList<>();
            notTakenUp.forEach((asOf, list) -> {
                if (!asOf.isAfter(monthEnd)) records.addAll(list);
            });
            notTakenUp.keySet().removeIf(asOf -> !asOf.isAfter(monthEnd));
            for (Loan loan : loans) {
                // monthly statement dates at whole months on book, and the loan's first day
                for (int k = 0; ; k++) {
                    LocalDate asOf = loan.fundedAt().plusMonths(k);
                    if (asOf.isAfter(monthEnd)) break;
                    if (asOf.isBefore(monthStart)) continue;
                    Map<String, Object> record = observation(loan, k, asOf);
                    if (record != null) records.add(record);
                }
            }
            for (int from = 0; from < records.size(); from += 10_000) {
                List<Map<String, Object>> chunk = records.subList(from, Math.min(records.size(), from + 10_000));
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes"))
                        .header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("outcomes", chunk)))));
                JsonNode answer = JSON.readTree(response.body());
                if (response.statusCode() != 200 || !answer.get("rejected").isEmpty()) {
                    throw new IllegalStateException("outcomes refused on " + monthEnd + ": " + response.body());
                }
                sent += answer.get("accepted").asInt();
            }
        }

        /** The loan at {@code k} months on book, or null once it is closed (charged off or paid off). */
        private static Map<String, Object> observation(Loan loan, int k, LocalDate asOf) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("applicationId", loan.applicationId());
            record.put("asOf", asOf.toString());
            record.put("funded", true);
            record.put("fundedAt", loan.fundedAt().toString());
            record.put("fundedAmount", loan.amount());
            long outstanding = Math.max(0, loan.amount() - loan.amount() * k / 24);
            int dpd = 0;
            String status = "CURRENT";
            long loss = 0;
            Integer bad = loan.badMonth();
            if (bad != null && k >= bad - 2) {
                int late = k - (bad - 3); // 1, 2, 3 months behind, then charged off
                if (late > 4) return null;
                if (late == 4) {
                    status = "CHARGED_OFF";
                    dpd = 120;
                    loss = Math.round(0.6 * loan.amount());
                } else {
                    dpd = 30 * late;
                    status = "DELINQUENT";
                }
                outstanding = loan.amount() - loan.amount() * Math.max(0, bad - 3) / 24;
            } else if (k >= 24) {
                if (k > 24) return null;
                status = "PAID_OFF";
                outstanding = 0;
            } else if (k > 0 && loan.rng().nextDouble() < 0.05) {
                dpd = 1 + loan.rng().nextInt(29);
            }
            record.put("daysPastDue", dpd);
            record.put("status", status);
            record.put("principalOutstanding", outstanding);
            record.put("lossAmount", loss);
            return record;
        }

        private JsonNode get(String path) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", reviewer)
                    .GET());
            if (response.statusCode() != 200) throw new IllegalStateException(path + ": " + response.body());
            return JSON.readTree(response.body());
        }

        private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return HTTP.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

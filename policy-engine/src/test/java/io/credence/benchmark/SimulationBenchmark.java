package io.credence.benchmark;

import io.credence.TestCredenceApplication;
import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.PolicyPackage;
import io.credence.policy.NewVersionRequest;
import io.credence.policy.PolicyService;
import io.credence.simulation.Simulation;
import io.credence.simulation.SimulationRequest;
import io.credence.simulation.SimulationService;
import io.credence.simulation.SimulationStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Backtest throughput, end to end inside the application: a synthetic CSV of N GB applications is
 * uploaded through {@link SimulationService} and decided by two versions (the seed champion and a
 * draft with a stricter approval rule), exactly as an analyst's upload is: CSV parsing, the engine's
 * own parser, both versions' full pipeline, the tally, progress writes and the stored report.
 *
 * <p>While the large run goes, a probe thread makes one live-path decision (the champion, in
 * process) every 5 ms and records its duration, next to the same probe with nothing else running:
 * the price a backtest makes live decisions pay.
 *
 * <p>Not a test: run it by hand (see docs/performance.md, "Backtests"). Arguments: row counts,
 * default {@code 100000 1000000}.
 */
public final class SimulationBenchmark {

    private static final long SEED = 20261121L;

    private SimulationBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0
                ? List.of(100_000, 1_000_000)
                : java.util.Arrays.stream(args).map(Integer::parseInt).toList();
        Path dataDir = Files.createTempDirectory("credence-simulation-benchmark-");
        try (ConfigurableApplicationContext app = new SpringApplication(TestCredenceApplication.class)
                .run(
                        "--credence.data-dir=" + dataDir,
                        "--credence.demo.enabled=true",
                        "--credence.demo.password=benchmark-password",
                        "--server.port=0",
                        "--logging.level.root=WARN")) {
            SimulationService simulations = app.getBean(SimulationService.class);
            PolicyService policies = app.getBean(PolicyService.class);
            CompiledPolicy champion = awaitChampion(app.getBean(ChampionRegistry.class));
            int candidate = stricterDraft(policies, champion);
            System.out.printf(
                    "# %d processors, load average %.1f, GB v%d (champion) against draft v%d%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    champion.version(),
                    candidate);

            run(simulations, dataDir, 2_000, candidate, champion.version(), null);
            for (int rows : sizes) run(simulations, dataDir, rows, candidate, champion.version(), champion);
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void run(
            SimulationService simulations, Path dir, int rows, int candidate, int against, CompiledPolicy probeWith)
            throws IOException {
        Path csv = dir.resolve("bench-" + rows + ".csv");
        write(csv, rows);
        Probe baseline = probeWith == null ? null : Probe.alone(probeWith, 3_000);
        Probe during = probeWith == null ? null : Probe.start(probeWith);
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        String id;
        try (InputStream in = Files.newInputStream(csv)) {
            id = simulations
                    .startUpload(
                            "analyst",
                            "GB",
                            new SimulationRequest(candidate, against, null, null, null),
                            csv.getFileName().toString(),
                            in)
                    .id();
        }
        Simulation done = awaitFinished(simulations, id);
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        if (during != null) during.stop();
        Files.deleteIfExists(csv);
        if (done.status() != SimulationStatus.COMPLETED)
            throw new IllegalStateException("backtest failed: " + done.error());
        if (probeWith == null) return;
        System.out.printf(
                "rows %,d: decided %,d, invalid %,d, changed %,d; %,d ms in the run (%,d rows/s, %,d decisions/s);"
                        + " %,d ms from upload to report%n",
                rows,
                done.rowsDecided(),
                done.rowsInvalid(),
                done.rowsChanged(),
                done.elapsedMillis(),
                done.rowsPerSecond(),
                done.rowsPerSecond() * 2,
                wallMillis);
        // On a shared, busy machine the wall-clock rate says more about the neighbours than about the code;
        // rows per CPU-second (the whole process: workers, reader, probe, GC) does not.
        double perCpuSecond = done.rowsRead() / cpuSeconds;
        System.out.printf(
                "  %.1f CPU-s for the process: %,.0f rows per CPU-second, so %,.0f rows/s on %d idle cores%n",
                cpuSeconds,
                perCpuSecond,
                perCpuSecond * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  live decision alone: %s; during the backtest: %s%n", baseline.summary(), during.summary());
    }

    /** A draft of GB whose approval rule refers the lower half of the "eligible" scorecard band. */
    private static int stricterDraft(PolicyService policies, CompiledPolicy champion) {
        String approval = policies.get("GB", champion.version()).artifacts().get(PolicyPackage.APPROVAL) + """

                rule "benchmark: refer scorecard 540 to 599"
                when
                    Score( value >= 540, value < 600 )
                    $d : Decision()
                then
                    $d.refer("AP_BORDERLINE_SCORE");
                end
                """;
        return policies.createDraft(
                        io.credence.policy.Actor.of("analyst", io.credence.security.Role.ANALYST),
                        "GB",
                        new NewVersionRequest(
                                champion.version(), Map.of(PolicyPackage.APPROVAL, approval), "benchmark candidate"))
                .version();
    }

    /** GB applications across the score scale, incomes, amounts and terms; one in 200 malformed. */
    private static void write(Path csv, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        String[] employment = {"SALARIED", "SALARIED", "SALARIED", "SELF_EMPLOYED", "RETIRED", "UNEMPLOYED", "STUDENT"};
        String[] residence = {"OWNER", "RENTER", "FAMILY", "OTHER"};
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("applicant.customerId,applicant.age,applicant.monthlyIncome,applicant.employmentStatus,"
                    + "applicant.employmentMonths,applicant.residentialStatus,applicant.dependents,applicant.kycVerified,"
                    + "product,channel,loan.amount,loan.currency,loan.termMonths,bureau.score,bureau.historyMonths,"
                    + "bureau.delinquencies12m,bureau.openLoans,bureau.inquiries6m,bureau.monthlyDebtPayments,label\n");
            StringBuilder line = new StringBuilder(200);
            for (int i = 1; i <= rows; i++) {
                int age = 18 + random.nextInt(60);
                int income = 800 + random.nextInt(7000);
                boolean thin = random.nextInt(20) == 0;
                line.setLength(0);
                line.append("C-")
                        .append(i)
                        .append(',')
                        .append(i % 200 == 0 ? "x" : Integer.toString(age))
                        .append(',')
                        .append(income)
                        .append(',')
                        .append(employment[random.nextInt(employment.length)])
                        .append(',')
                        .append(random.nextInt(Math.max(1, (age - 16) * 12)))
                        .append(',')
                        .append(residence[random.nextInt(residence.length)])
                        .append(',')
                        .append(random.nextInt(4))
                        .append(',')
                        .append(random.nextInt(50) != 0)
                        .append(",PERSONAL_LOAN,APP,")
                        .append(500 + random.nextInt(26_000))
                        .append(",GBP,")
                        .append(6 + 6 * random.nextInt(10))
                        .append(',')
                        .append(thin ? "" : Integer.toString(350 + random.nextInt(650)))
                        .append(',')
                        .append(thin ? "" : Integer.toString(random.nextInt(240)))
                        .append(',')
                        .append(random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0)
                        .append(',')
                        .append(random.nextInt(6))
                        .append(',')
                        .append(random.nextInt(7))
                        .append(',')
                        .append(random.nextInt(income / 2))
                        .append(',')
                        .append(random.nextInt(10) < 3 ? "bad" : "good")
                        .append('\n');
                out.append(line);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Simulation awaitFinished(SimulationService simulations, String id) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            Simulation run = simulations.get("GB", id);
            if (run.status().finished()) return run;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("backtest " + id + " did not finish in 30 minutes");
    }

    private static CompiledPolicy awaitChampion(ChampionRegistry champions) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            var champion = champions.champion("GB");
            if (champion.isPresent()) return champion.get();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new IllegalStateException("GB has no champion after 5 minutes");
    }

    /** Decides one prime application every 5 ms on a thread of normal priority, recording each duration. */
    private static final class Probe {
        private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;
        private Thread thread;

        static Probe alone(CompiledPolicy policy, long millis) {
            Probe probe = start(policy);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            probe.stop();
            return probe;
        }

        static Probe start(CompiledPolicy policy) {
            Probe probe = new Probe();
            LoanApplication application = new LoanApplication(
                    "probe",
                    "GB",
                    "PERSONAL_LOAN",
                    "APP",
                    new LoanApplication.Applicant(
                            "C-probe", 41, new java.math.BigDecimal("4200"), "SALARIED", 96, "OWNER", 1, true),
                    new LoanApplication.Loan(new java.math.BigDecimal("8000"), "GBP", 36, "OTHER"),
                    new LoanApplication.Bureau(905, 120, 0, 1, 0, new java.math.BigDecimal("300")),
                    new LoanApplication.Device("d-probe", "GB"),
                    null);
            probe.thread = Thread.ofPlatform().name("live-probe").start(() -> {
                while (probe.running) {
                    long t = System.nanoTime();
                    policy.decide(application, Enrichment.NONE);
                    probe.micros.add((System.nanoTime() - t) / 1_000);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
            });
            return probe;
        }

        void stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            if (sorted.isEmpty()) return "no samples";
            return String.format(
                    "p50 %,d µs, p99 %,d µs over %,d decisions",
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size());
        }

        private static long percentile(List<Long> sorted, double p) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}

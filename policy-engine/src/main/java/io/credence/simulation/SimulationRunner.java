package io.credence.simulation;

import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompilationException;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.Warmup;
import io.credence.policy.PolicyService;
import io.credence.shared.StateConflictException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs backtests in the background, bounded so that live decisions keep their latency:
 *
 * <ul>
 *   <li>at most {@code credence.simulation.concurrent-runs} runs (default 2) read rows at once; later
 *       ones wait as QUEUED;</li>
 *   <li>every run's rows are decided on one shared pool of {@code credence.simulation.threads}
 *       workers (default 2, both cores of the reference machine) at the lowest thread priority, in
 *       chunks of {@code credence.simulation.chunk-size} rows (default 256, a few milliseconds of
 *       work), each run keeping at most two chunks per worker in flight, so concurrent runs take turns
 *       and a live request never waits behind more than one chunk per core.</li>
 * </ul>
 *
 * A run's progress and heartbeat go to the database as chunks finish. Runs left QUEUED or RUNNING by
 * an instance that stopped are marked FAILED: at once on start-up with the embedded database (one
 * instance per database), after their heartbeat has been silent for {@link #ABANDONED_AFTER} on a
 * shared PostgreSQL, and on a graceful shutdown by the instance itself.
 */
@Component
class SimulationRunner {

    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);
    static final int WARMUP_ROUNDS = 40;
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(90);
    static final String INTERRUPTED = "interrupted: the instance running it stopped before it finished; start it again";
    private static final long PROGRESS_WRITE_NANOS = Duration.ofMillis(250).toNanos();

    /** Opens a run's rows; called on the run's own thread, so a slow source never blocks a request. */
    interface Source {
        RowSource open() throws Exception;
    }

    record Job(String id, String market, int version, int against, int minBandCount, Source source, Runnable cleanup) {}

    private final SimulationRepository repository;
    private final PolicyService policies;
    private final ChampionRegistry champions;
    private final JsonMapper json;
    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int chunkSize;
    private final int inFlightPerRun;
    private final ExecutorService workers;
    private final ExecutorService runs;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile boolean stopping;

    SimulationRunner(
            SimulationRepository repository,
            PolicyService policies,
            ChampionRegistry champions,
            JsonMapper json,
            DataSource dataSource,
            MeterRegistry meters,
            Clock clock,
            @Value("${credence.simulation.threads:2}") int threads,
            @Value("${credence.simulation.concurrent-runs:2}") int concurrentRuns,
            @Value("${credence.simulation.chunk-size:256}") int chunkSize) {
        this.repository = repository;
        this.policies = policies;
        this.champions = champions;
        this.json = json;
        this.dataSource = dataSource;
        this.meters = meters;
        this.clock = clock;
        this.chunkSize = Math.max(1, chunkSize);
        this.inFlightPerRun = 2 * Math.max(1, threads);
        this.workers = Executors.newFixedThreadPool(
                Math.max(1, threads),
                Thread.ofPlatform()
                        .daemon()
                        .priority(Thread.MIN_PRIORITY)
                        .name("simulation-worker-", 1)
                        .factory());
        this.runs = Executors.newFixedThreadPool(
                Math.max(1, concurrentRuns),
                Thread.ofPlatform()
                        .daemon()
                        .priority(Thread.MIN_PRIORITY)
                        .name("simulation-run-", 1)
                        .factory());
    }

    String instanceId() {
        return instanceId;
    }

    void submit(Job job) {
        runs.execute(() -> run(job));
    }

    private void run(Job job) {
        try {
            if (!stopping) execute(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            repository.failed(job.id(), INTERRUPTED, now());
        } catch (Throwable e) {
            // Any Throwable, LinkageError and OutOfMemoryError included: a run that cannot go on is
            // FAILED with the reason, never left QUEUED or RUNNING.
            log.warn(
                    "Backtest {} of {} v{} against v{} failed",
                    job.id(),
                    job.market(),
                    job.version(),
                    job.against(),
                    e);
            repository.failed(job.id(), describe(e), now());
        } finally {
            job.cleanup().run();
        }
    }

    private void execute(Job job) throws Exception {
        try (Lease candidate = lease(job.market(), job.version());
                Lease against =
                        job.against() == job.version() ? candidate.share() : lease(job.market(), job.against())) {
            repository.started(
                    job.id(), candidate.policy().digest(), against.policy().digest(), now());
            long started = System.nanoTime();
            try (RowSource source = job.source().open()) {
                RowEvaluator evaluator =
                        new RowEvaluator(job.market(), candidate.policy(), against.policy(), source.csv(), json);
                ProgressWriter progress = new ProgressWriter(job.id());
                // Backtest throughput on the operations dashboard is this counter's rate. It exists, at zero,
                // before the first run ends, so Prometheus's increase() sees that run's rows.
                Counter rows = Counter.builder("credence.backtest.rows")
                        .description("Backtest rows decided or refused as invalid")
                        .tag("market", job.market())
                        .register(meters);
                Tally total = Backtest.run(
                        source,
                        evaluator,
                        workers,
                        chunkSize,
                        inFlightPerRun,
                        () -> stopping || Thread.currentThread().isInterrupted(),
                        progress);
                long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
                SimulationReport report = total.report(
                        job.against(), job.version(), job.minBandCount(), source.fileProblems(), elapsedMillis);
                // Counted before the run shows as completed, so whoever sees it completed sees it counted.
                rows.increment(report.rowsDecided() + report.rowsInvalid());
                repository.completed(job.id(), report, json.writeValueAsString(report), now());
                log.info(
                        "Backtest {} of {} v{} against v{}: {} rows decided, {} invalid, in {} ms ({} rows/s)",
                        job.id(),
                        job.market(),
                        job.version(),
                        job.against(),
                        report.rowsDecided(),
                        report.rowsInvalid(),
                        elapsedMillis,
                        report.rowsPerSecond());
            }
        }
    }

    /** Writes progress as chunks finish: on each new percent, and at least every quarter second. */
    private final class ProgressWriter implements Backtest.Progress {
        private final String id;
        private int written;
        private long writtenAt = System.nanoTime();

        ProgressWriter(String id) {
            this.id = id;
        }

        @Override
        public void reached(Tally total, int percent) {
            if (percent == written && System.nanoTime() - writtenAt < PROGRESS_WRITE_NANOS) return;
            repository.progress(
                    id,
                    percent,
                    total.rowsDecided() + total.rowsInvalid(),
                    total.rowsDecided(),
                    total.rowsInvalid(),
                    now());
            written = percent;
            writtenAt = System.nanoTime();
        }
    }

    /**
     * A compiled version for one run. The market's champion is shared as it serves; any other version is
     * compiled for the run from its digest-verified package and released afterwards, so that backtests of
     * drafts (which change under the same number until submitted) neither run stale code nor crowd the
     * compiled versions live traffic and rollbacks rely on out of their cache.
     */
    private record Lease(CompiledPolicy policy, boolean owned) implements AutoCloseable {
        Lease share() {
            return new Lease(policy, false);
        }

        @Override
        public void close() {
            if (owned) policy.close();
        }
    }

    private Lease lease(String market, int version) {
        String digest = policies.get(market, version).digest();
        CompiledPolicy champion = champions.champion(market).orElse(null);
        if (champion != null
                && champion.version() == version
                && champion.digest().equals(digest)) {
            return new Lease(champion, false);
        }
        CompiledPolicy compiled = PolicyCompiler.compileStored(policies.verifiedPackage(market, version), version);
        // Cold rules can overrun the time budget on their first decisions and refer spuriously.
        Warmup.run(compiled, WARMUP_ROUNDS);
        return new Lease(compiled, true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void failRunsInterruptedByARestart() {
        Instant now = now();
        // The embedded database belongs to this one instance: whatever another run left unfinished is dead.
        Instant cutoff = sharedDatabase() ? now.minus(ABANDONED_AFTER) : now.plusSeconds(1);
        int failed = repository.failAbandoned(instanceId, cutoff, INTERRUPTED, now);
        if (failed > 0) log.warn("Marked {} backtest(s) interrupted by a restart as FAILED", failed);
    }

    @Scheduled(fixedDelayString = "${credence.simulation.heartbeat-ms:15000}", initialDelay = 15000)
    void heartbeat() {
        Instant now = now();
        repository.heartbeat(instanceId, now);
        int failed = repository.failAbandoned(instanceId, now.minus(ABANDONED_AFTER), INTERRUPTED, now);
        if (failed > 0) log.warn("Marked {} backtest(s) of a stopped instance as FAILED", failed);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        runs.shutdownNow();
        workers.shutdownNow();
        try {
            repository.failAllOf(instanceId, INTERRUPTED, now());
        } catch (RuntimeException e) {
            log.warn("Could not mark this instance's unfinished backtests as FAILED: {}", e.getMessage());
        }
    }

    private boolean sharedDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return true;
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof ExecutionException && e.getCause() != null) e = e.getCause();
        if (e instanceof PolicyCompilationException compilation) {
            return "a version does not compile: " + compilation.getMessage();
        }
        if (e instanceof StateConflictException conflict) return conflict.getMessage();
        return "the backtest stopped unexpectedly (" + e.getMessage() + "); the log has the details";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

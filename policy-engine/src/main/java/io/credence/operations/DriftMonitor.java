package io.credence.operations;

import io.credence.audit.AuditTrail;
import io.credence.decision.DecisionLog;
import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import io.credence.outcome.GiniTrend;
import io.credence.outcome.OutcomesReceived;
import io.credence.outcome.PerformanceService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, for each serving market: the approval rate and score distribution of the last hour
 * against the seven days before it, computed from the decision log so that every instance of a
 * cluster sees the same figures. A figure beyond its limit opens an alert; the database lets one
 * instance open it, and that instance logs it and records it in the audit trail. It clears when a
 * later check finds the figure back within its limit.
 *
 * <p>The same check judges each champion's model on realised outcomes: its Gini on the loans decided
 * since its first months against its Gini on those months' loans. Outcomes arrive in batches, days or
 * a month apart, so that figure is read again only after outcomes of the market arrive or when it is
 * {@code gini-interval-ms} old (another instance may have received them), not every minute.
 */
@Service
public class DriftMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DriftMonitor.class);
    private static final Duration CURRENT = Duration.ofHours(1);
    private static final Duration BASELINE = Duration.ofDays(7);
    private static final String ACTOR = "system";

    private final DriftRepository repository;
    private final DecisionLog decisions;
    private final Clock clock;
    private final ChampionRegistry champions;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final MeterRegistry registry;
    private final DriftLimits limits;
    private final long intervalMs;
    private final boolean enabled;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    /** A week of decisions is the expensive read: kept per market for the hour it stays the same. */
    private final Map<String, WindowFigures> baselines = new ConcurrentHashMap<>();

    private final Map<String, MarketDrift> latest = new ConcurrentHashMap<>();
    private final Set<String> metered = ConcurrentHashMap.newKeySet();
    private final PerformanceService performance;
    private final long giniIntervalMs;
    private final Map<String, ReadTrend> trends = new ConcurrentHashMap<>();
    private volatile Set<String> active = Set.of();
    private volatile Instant checkedAt;
    private ScheduledExecutorService schedule;

    DriftMonitor(
            DriftRepository repository,
            DecisionLog decisions,
            ChampionRegistry champions,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            PerformanceService performance,
            @Value("${credence.drift.approval-rate-change:0.10}") double approvalRateChange,
            @Value("${credence.drift.psi:0.25}") double psi,
            @Value("${credence.drift.minimum-current:100}") long minimumCurrent,
            @Value("${credence.drift.minimum-baseline:500}") long minimumBaseline,
            @Value("${credence.drift.gini-drop:0.10}") double giniDrop,
            @Value("${credence.drift.gini-first-months:3}") int giniFirstMonths,
            @Value("${credence.drift.gini-minimum-loans:100}") long giniMinimumLoans,
            @Value("${credence.drift.gini-interval-ms:900000}") long giniIntervalMs,
            @Value("${credence.drift.check-interval-ms:60000}") long intervalMs,
            @Value("${credence.drift.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.decisions = decisions;
        this.clock = clock;
        this.champions = champions;
        this.audit = audit;
        this.tx = tx;
        this.registry = registry;
        this.performance = performance;
        this.giniIntervalMs = giniIntervalMs;
        this.limits = new DriftLimits(
                approvalRateChange, psi, minimumCurrent, minimumBaseline, giniDrop, giniFirstMonths, giniMinimumLoans);
        this.intervalMs = intervalMs;
        this.enabled = enabled;
    }

    /**
     * Checks on a thread of its own rather than Spring's shared scheduler, whose one thread also
     * carries the cluster's deployment polling: a slow week-long query must not delay a deployment.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled || schedule != null) return;
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("drift-check").daemon().factory());
        schedule.scheduleWithFixedDelay(this::checkQuietly, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (schedule != null) schedule.shutdownNow();
    }

    public DriftReport report() {
        return new DriftReport(
                checkedAt,
                limits,
                repository.active(),
                latest.values().stream()
                        .sorted(Comparator.comparing(MarketDrift::market))
                        .toList());
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // The next run tries again; a failed check must not end the schedule.
            log.error("Drift check failed; retrying in {} ms", intervalMs, e);
        }
    }

    /** One check of every serving market, now. Synchronized: the schedule and a caller never interleave. */
    synchronized List<MarketDrift> check() {
        // Microseconds, what the database keeps: a decision stored just before the check is inside its window.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, DriftAlert> open = new HashMap<>();
        for (DriftAlert alert : repository.active()) open.put(alert.market() + ":" + alert.kind(), alert);
        List<MarketDrift> results = new ArrayList<>();
        for (String market : new TreeSet<>(champions.markets())) {
            WindowFigures current = figures(market, now.minus(CURRENT), now);
            MarketDrift drift =
                    DriftRule.evaluate(market, baseline(market, now), current, giniTrend(market, now), limits, now);
            results.add(drift);
            latest.put(market, drift);
            meter(market);
            for (String kind : DriftRule.KINDS) {
                MarketDrift.Breach breach = drift.breach(kind);
                DriftAlert opened = open.get(market + ":" + kind);
                if (breach != null && opened == null) {
                    raise(drift, breach, current, now);
                } else if (breach == null && opened != null && drift.judged(kind)) {
                    resolve(opened, now);
                }
            }
        }
        Set<String> nowActive = new HashSet<>();
        for (DriftAlert alert : repository.active()) nowActive.add(alert.market() + ":" + alert.kind());
        active = nowActive;
        checkedAt = now;
        return results;
    }

    /**
     * The seven days before the last hour, in whole hours so it can be kept for an hour. A baseline
     * below the minimum sample is cheap to read again and is not kept, so it fills in as data arrives.
     */
    private WindowFigures baseline(String market, Instant now) {
        Instant end = now.minus(CURRENT).truncatedTo(ChronoUnit.HOURS);
        WindowFigures kept = baselines.get(market);
        if (kept != null && kept.to().equals(end)) return kept;
        WindowFigures read = figures(market, end.minus(BASELINE), end);
        if (read.decisions() >= limits.minimumBaseline()) baselines.put(market, read);
        return read;
    }

    /** Outcomes of the market arrived here: its Gini is read again at the next check. */
    @EventListener
    void outcomesReceived(OutcomesReceived received) {
        trends.remove(received.market());
    }

    private record ReadTrend(GiniTrend trend, Instant readAt) {}

    /** The champion's Gini trend, read again when outcomes arrived, the champion changed or it is old. */
    private GiniTrend giniTrend(String market, Instant now) {
        Integer version =
                champions.champion(market).map(CompiledPolicy::version).orElse(null);
        if (version == null) return null;
        ReadTrend kept = trends.get(market);
        if (kept != null
                && kept.trend().version() == version
                && kept.readAt().plusMillis(giniIntervalMs).isAfter(now)) {
            return kept.trend();
        }
        GiniTrend read = performance.giniTrend(market, version, limits.giniFirstMonths());
        trends.put(market, new ReadTrend(read, now));
        return read;
    }

    /** A window's decisions by outcome and score, as the decision log counts them. */
    private WindowFigures figures(String market, Instant from, Instant to) {
        long decided = 0;
        long approvals = 0;
        Map<Integer, Long> scores = new HashMap<>();
        for (DecisionLog.OutcomeScoreCount row : decisions.outcomesAndScores(market, from, to)) {
            decided += row.count();
            if ("APPROVE".equals(row.outcome())) approvals += row.count();
            if (row.score() != null) scores.merge(row.score(), row.count(), Long::sum);
        }
        return new WindowFigures(from, to, decided, approvals, ScoreHistogram.of(scores));
    }

    /** Opens the alert and records it in the audit trail together; false if another instance had opened it. */
    boolean raise(MarketDrift drift, MarketDrift.Breach breach, WindowFigures current, Instant now) {
        boolean rate = DriftRule.APPROVAL_RATE.equals(breach.kind());
        boolean gini = DriftRule.GINI.equals(breach.kind()) && drift.gini() != null;
        DriftAlert alert = DriftAlert.of(
                UUID.randomUUID().toString(),
                drift.market(),
                breach.kind(),
                breach.value(),
                breach.limit(),
                rate ? drift.current().approvalRate() : gini ? drift.gini().recentGini() : null,
                rate ? drift.baseline().approvalRate() : gini ? drift.gini().firstGini() : null,
                gini ? drift.gini().since() : current.from(),
                gini ? now : current.to(),
                now);
        try {
            tx.executeWithoutResult(status -> {
                repository.open(alert, instance);
                audit.record(ACTOR, alert.market(), "DRIFT_ALERT", alert.kind(), alert.summary());
            });
        } catch (DuplicateKeyException alreadyOpen) {
            log.debug("Drift alert {} {} was raised by another instance", alert.market(), alert.kind());
            return false;
        }
        raised(alert.market(), alert.kind()).increment();
        log.warn("Drift alert: {}", alert.summary());
        return true;
    }

    private void resolve(DriftAlert alert, Instant now) {
        Boolean resolved = tx.execute(status -> {
            if (!repository.resolve(alert.market(), alert.kind(), now)) return false;
            audit.record(
                    ACTOR, alert.market(), "DRIFT_RESOLVED", alert.kind(), "Back within the limit: " + alert.summary());
            return true;
        });
        if (Boolean.TRUE.equals(resolved)) {
            log.info("Drift alert cleared: {} {} is back within its limit", alert.market(), alert.kind());
        }
    }

    /** Gauges read the latest check; registered once per market, the first time it is checked. */
    private void meter(String market) {
        if (!metered.add(market)) return;
        Gauge.builder("credence.drift.approval.rate.change", () -> figure(market, MarketDrift::approvalRateChange))
                .description("Last hour's approval rate minus the previous seven days' (NaN while too few decisions)")
                .tag("market", market)
                .register(registry);
        Gauge.builder("credence.drift.psi", () -> figure(market, MarketDrift::psi))
                .description("Population stability index of last hour's scores against the previous seven days'")
                .tag("market", market)
                .register(registry);
        Gauge.builder("credence.drift.gini.change", () -> figure(market, MarketDrift::giniChange))
                .description("The champion's Gini on loans decided since its first months minus its first months' "
                        + "(NaN while either period has too few loans with outcomes)")
                .tag("market", market)
                .register(registry);
        for (String kind : DriftRule.KINDS) {
            Gauge.builder("credence.drift.alert.active", () -> active.contains(market + ":" + kind) ? 1 : 0)
                    .description("1 while the market has an active drift alert of this kind")
                    .tag("market", market)
                    .tag("kind", kind)
                    .register(registry);
            raised(market, kind); // at zero from the start, so increase() sees the first alert
        }
    }

    private Counter raised(String market, String kind) {
        return Counter.builder("credence.drift.alerts.raised")
                .description("Drift alerts raised (counted by the instance that recorded them)")
                .tag("market", market)
                .tag("kind", kind)
                .register(registry);
    }

    private double figure(String market, Function<MarketDrift, Double> which) {
        MarketDrift drift = latest.get(market);
        Double value = drift == null ? null : which.apply(drift);
        return value == null ? Double.NaN : value;
    }
}

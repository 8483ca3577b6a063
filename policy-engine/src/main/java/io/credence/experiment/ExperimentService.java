package io.credence.experiment;

import static io.credence.experiment.ExperimentRouter.CHALLENGER;
import static io.credence.experiment.ExperimentRouter.CHAMPION;

import io.credence.audit.AuditTrail;
import io.credence.cluster.ClusterSignals;
import io.credence.deployment.ChampionRegistry;
import io.credence.deployment.CompiledPolicies;
import io.credence.deployment.DeploymentService;
import io.credence.engine.CompiledPolicy;
import io.credence.experiment.ExperimentStatistics.Totals;
import io.credence.policy.Actor;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.Transition;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, stops and promotes experiments, enforces their guard rails and reports on them. Every change
 * commits with its audit entry, then reloads the router here and announces itself to the cluster.
 */
@Service
public class ExperimentService {

    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    static final String SYSTEM = "system";
    static final int SAMPLE_SIZE = 20;

    private final ExperimentRepository repository;
    private final ExperimentDecisions decisions;
    private final ExperimentRouter router;
    private final PolicyService policies;
    private final ChampionRegistry champions;
    private final CompiledPolicies compiled;
    private final DeploymentService deployments;
    private final AuditTrail audit;
    private final ClusterSignals cluster;
    private final TransactionTemplate tx;
    private final ExperimentCredit credit;
    private final Clock clock;

    ExperimentService(
            ExperimentRepository repository,
            ExperimentDecisions decisions,
            ExperimentRouter router,
            PolicyService policies,
            ChampionRegistry champions,
            CompiledPolicies compiled,
            DeploymentService deployments,
            AuditTrail audit,
            ClusterSignals cluster,
            TransactionTemplate tx,
            ExperimentCredit credit,
            Clock clock) {
        this.repository = repository;
        this.decisions = decisions;
        this.router = router;
        this.policies = policies;
        this.champions = champions;
        this.compiled = compiled;
        this.deployments = deployments;
        this.audit = audit;
        this.cluster = cluster;
        this.tx = tx;
        this.credit = credit;
        this.clock = clock;
    }

    /**
     * Starts an experiment against the market's champion. The challenger is compiled and warmed before
     * anything is stored, so its first decision is as fast as the champion's.
     */
    public ExperimentReport start(Actor by, String market, NewExperiment request) {
        String actor = by.name();
        CompiledPolicy champion = champions
                .champion(market)
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no policy deployed."));
        int version = request.challengerVersion();
        PolicyVersion challenger = challenger(market, version);
        Transition.CHALLENGE.check(by, challenger);
        running(market).ifPresent(e -> {
            throw alreadyRunning(e);
        });
        compiled.get(market, version);
        Experiment experiment = new Experiment(
                UUID.randomUUID().toString(),
                market,
                version,
                champion.version(),
                request.mode(),
                request.trafficPercent(),
                request.maxApprovalRateDifference(),
                request.minimumSample(),
                ExperimentStatus.RUNNING,
                actor,
                now(),
                null,
                null,
                null,
                request.maxBadRateDifference());
        try {
            tx.executeWithoutResult(status -> {
                repository.insert(experiment);
                audit.record(actor, market, "EXPERIMENT_STARTED", subject(experiment), describe(experiment));
                cluster.announce(ExperimentRouter.TOPIC);
            });
        } catch (DuplicateKeyException raced) {
            throw running(market)
                    .map(ExperimentService::alreadyRunning)
                    .orElseGet(() ->
                            new StateConflictException("Another experiment started in " + market + " meanwhile."));
        }
        router.refresh();
        log.info("{} started experiment {} in {}: {}", actor, experiment.id(), market, describe(experiment));
        return report(experiment);
    }

    public ExperimentReport stop(String actor, String market, String id) {
        Experiment experiment = find(market, id);
        tx.executeWithoutResult(status -> {
            if (!repository.end(id, ExperimentStatus.STOPPED, actor, now(), "stopped by " + actor)) {
                throw notRunning(find(market, id));
            }
            audit.record(actor, market, "EXPERIMENT_STOPPED", subject(experiment), describe(experiment));
            cluster.announce(ExperimentRouter.TOPIC);
        });
        router.refresh();
        return report(market, id);
    }

    /**
     * Makes the challenger the champion through the deployment feature's own promote (hot swap and a
     * PROMOTE in the audit trail), then records the experiment as promoted.
     */
    public ExperimentReport promote(Actor by, String market, String id) {
        String actor = by.name();
        Experiment experiment = find(market, id);
        if (experiment.status() == ExperimentStatus.PROMOTED) {
            throw new StateConflictException("Experiment " + id + " was already promoted.");
        }
        int version = experiment.challengerVersion();
        if (champions.champion(market).map(c -> c.version() == version).orElse(false)) {
            throw new StateConflictException(
                    "v" + version + " is already the champion of " + market + "; stop the experiment instead.");
        }
        DeploymentService.Result promoted = deployments.promote(by, market, version);
        String reason = "v" + version + " promoted to champion by " + actor
                + (promoted.replaced() == null ? "" : ", replacing v" + promoted.replaced());
        tx.executeWithoutResult(status -> {
            if (repository.promoted(id, actor, now(), reason)) {
                audit.record(actor, market, "EXPERIMENT_PROMOTED", subject(experiment), reason);
                cluster.announce(ExperimentRouter.TOPIC);
            }
        });
        router.refresh();
        return report(market, id);
    }

    public ExperimentReport report(String market, String id) {
        return report(find(market, id));
    }

    public List<Experiment> list(String market) {
        return repository.list(market);
    }

    /** The latest experiments of every market, newest first. */
    public List<Experiment> recent(int limit) {
        return repository.recent(Math.max(1, Math.min(limit, 500)));
    }

    public Optional<Experiment> running(String market) {
        return repository.runningIn(market);
    }

    /**
     * Stops every running experiment whose challenger's approval rate is further from the champion's
     * than its guard rail allows, once both arms have the minimum sample. Each instance checks; the
     * conditional update lets exactly one of them stop it and write the audit entry.
     */
    @Scheduled(fixedDelayString = "${credence.experiments.guard-rail-ms:2000}", initialDelay = 2000)
    void enforceGuardRails() {
        for (Experiment experiment : router.runningExperiments()) {
            if (!experiment.hasGuardRail()) continue;
            try {
                breach(experiment).ifPresent(reason -> stopByGuardRail(experiment, reason));
            } catch (RuntimeException e) {
                log.warn(
                        "Could not check the guard rail of experiment {} in {}: {}",
                        experiment.id(),
                        experiment.market(),
                        e.getMessage());
            }
        }
    }

    /** Why the experiment breaches one of its guard rails, if it does. */
    Optional<String> breach(Experiment e) {
        Optional<String> approval = e.maxApprovalRateDifference() == null ? Optional.empty() : approvalBreach(e);
        return approval.isPresent() || e.maxBadRateDifference() == null ? approval : badRateBreach(e);
    }

    /**
     * The challenger's loans going bad more often than the champion's by more than the rail allows, once
     * both arms have the minimum sample of funded loans. Only a worse challenger stops the experiment.
     */
    private Optional<String> badRateBreach(Experiment e) {
        CreditComparison comparison = credit.compare(e.market(), e.id());
        ArmCredit champion = comparison.arms().getOrDefault(CHAMPION, ArmCredit.NONE);
        ArmCredit challenger = comparison.arms().getOrDefault(CHALLENGER, ArmCredit.NONE);
        CreditComparison.BadRateDifference difference = comparison.badRateDifference();
        if (difference == null || Math.min(champion.funded(), challenger.funded()) < e.minimumSample()) {
            return Optional.empty();
        }
        double limit = e.maxBadRateDifference().doubleValue();
        if (difference.difference() <= limit) return Optional.empty();
        return Optional.of(String.format(
                Locale.ROOT,
                "challenger bad rate to date %.1f%% (%d funded loans) against champion %.1f%% (%d): %+.1f points, beyond "
                        + "the bad-rate guard rail of %.1f points",
                100 * difference.challenger(),
                challenger.funded(),
                100 * difference.champion(),
                champion.funded(),
                100 * difference.difference(),
                100 * limit));
    }

    private Optional<String> approvalBreach(Experiment e) {
        Map<String, Totals> answered = decisions.answered(e);
        Totals champion = answered.getOrDefault(CHAMPION, Totals.NONE);
        Totals challenger = e.mode() == ExperimentMode.SHADOW
                ? decisions.shadow(e)
                : answered.getOrDefault(CHALLENGER, Totals.NONE);
        if (Math.min(champion.count(), challenger.count()) < e.minimumSample()) return Optional.empty();
        ApprovalRateDifference difference = ApprovalRateDifference.between(
                champion.count(), champion.approvals(), challenger.count(), challenger.approvals());
        double limit = e.maxApprovalRateDifference().doubleValue();
        if (Math.abs(difference.difference()) <= limit) return Optional.empty();
        return Optional.of(String.format(
                Locale.ROOT,
                "challenger approval rate %.1f%% (%d decisions) against champion %.1f%% (%d): %+.1f points, beyond the "
                        + "guard rail of %.1f points",
                100 * difference.challenger(),
                challenger.count(),
                100 * difference.champion(),
                champion.count(),
                100 * difference.difference(),
                100 * limit));
    }

    private void stopByGuardRail(Experiment experiment, String reason) {
        boolean stopped = Boolean.TRUE.equals(tx.execute(status -> {
            if (!repository.end(experiment.id(), ExperimentStatus.STOPPED_BY_GUARD_RAIL, SYSTEM, now(), reason)) {
                return false;
            }
            audit.record(SYSTEM, experiment.market(), "EXPERIMENT_STOPPED_BY_GUARD_RAIL", subject(experiment), reason);
            cluster.announce(ExperimentRouter.TOPIC);
            return true;
        }));
        router.refresh();
        if (stopped)
            log.warn("Guard rail stopped experiment {} in {}: {}", experiment.id(), experiment.market(), reason);
    }

    ExperimentReport report(Experiment e) {
        Map<String, Totals> answered = decisions.answered(e);
        Map<String, List<Integer>> versions = decisions.versions(e);
        ArmStatistics champion = arm(
                e,
                CHAMPION,
                versions.getOrDefault(CHAMPION, List.of()),
                answered.getOrDefault(CHAMPION, Totals.NONE),
                false);
        ArmStatistics challenger;
        ShadowComparison shadow = null;
        if (e.mode() == ExperimentMode.SHADOW) {
            Totals totals = decisions.shadow(e);
            challenger =
                    arm(e, CHALLENGER, totals.count() == 0 ? List.of() : List.of(e.challengerVersion()), totals, true);
            shadow = comparison(e);
        } else {
            challenger = arm(
                    e,
                    CHALLENGER,
                    versions.getOrDefault(CHALLENGER, List.of()),
                    answered.getOrDefault(CHALLENGER, Totals.NONE),
                    false);
        }
        CreditComparison outcomes = credit.compare(e.market(), e.id());
        Map<String, ArmStatistics> arms = new LinkedHashMap<>();
        arms.put(CHAMPION, champion.withCredit(outcomes.arms().getOrDefault(CHAMPION, ArmCredit.NONE)));
        arms.put(CHALLENGER, challenger.withCredit(outcomes.arms().getOrDefault(CHALLENGER, ArmCredit.NONE)));
        return new ExperimentReport(
                e, arms, ExperimentStatistics.difference(champion, challenger), shadow, outcomes.badRateDifference());
    }

    private ArmStatistics arm(Experiment e, String arm, List<Integer> versions, Totals totals, boolean shadow) {
        Map<String, Long> reasons = totals.count() == 0 ? Map.of() : decisions.reasonCombinations(e, arm, shadow);
        return ExperimentStatistics.arm(arm, versions, totals, reasons);
    }

    private ShadowComparison comparison(Experiment e) {
        List<ShadowComparison.OutcomePair> matrix = decisions.outcomePairs(e);
        long compared =
                matrix.stream().mapToLong(ShadowComparison.OutcomePair::count).sum();
        long differing = matrix.stream()
                .filter(p -> !p.champion().equals(p.challenger()))
                .mapToLong(ShadowComparison.OutcomePair::count)
                .sum();
        return new ShadowComparison(
                compared,
                differing,
                compared == 0 ? 0 : (double) differing / compared,
                compared == 0 ? 0 : decisions.differingTerms(e),
                matrix,
                differing == 0 ? List.of() : decisions.differing(e, SAMPLE_SIZE));
    }

    private Experiment find(String market, String id) {
        if (id == null || id.length() > 64) throw new NotFoundException("No such experiment.");
        return repository
                .find(id)
                .filter(e -> e.market().equals(market))
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no experiment " + id + "."));
    }

    private PolicyVersion challenger(String market, int version) {
        try {
            return policies.get(market, version);
        } catch (NotFoundException missing) {
            throw new StateConflictException("Market " + market + " has no version " + version
                    + "; only an APPROVED, DEPLOYED or RETIRED version can be a challenger.");
        }
    }

    private static StateConflictException alreadyRunning(Experiment e) {
        return new StateConflictException("Experiment " + e.id() + " (v" + e.challengerVersion() + ", " + e.mode()
                + ") is already running in " + e.market() + "; stop it first.");
    }

    private static StateConflictException notRunning(Experiment e) {
        return new StateConflictException("Experiment " + e.id() + " is " + e.status() + ", not running.");
    }

    private static String subject(Experiment e) {
        return "experiment " + e.id();
    }

    static String describe(Experiment e) {
        StringBuilder text = new StringBuilder("v" + e.challengerVersion() + " against champion v" + e.championVersion()
                + ", " + e.mode() + (e.mode() == ExperimentMode.SPLIT ? " " + e.trafficPercent() + "%" : ""));
        if (e.maxApprovalRateDifference() != null) {
            text.append(String.format(
                    Locale.ROOT,
                    ", guard rail %.1f points after %d decisions per arm",
                    100 * e.maxApprovalRateDifference().doubleValue(),
                    e.minimumSample()));
        }
        if (e.maxBadRateDifference() != null) {
            text.append(String.format(
                    Locale.ROOT,
                    ", bad-rate guard rail %.1f points after %d funded loans per arm",
                    100 * e.maxBadRateDifference().doubleValue(),
                    e.minimumSample()));
        }
        return text.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

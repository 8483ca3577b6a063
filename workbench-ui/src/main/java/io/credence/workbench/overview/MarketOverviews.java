package io.credence.workbench.overview;

import io.credence.decision.DecisionActivity;
import io.credence.deployment.Champions;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentService;
import io.credence.policy.PolicyService;
import io.credence.workbench.i18n.Words;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gathers the overview from the engine: champions as they serve now, decisions over the chosen period. */
@Component
class MarketOverviews {

    private final PolicyService policies;
    private final Champions champions;
    private final DecisionActivity activity;
    private final ExperimentService experiments;
    private final Clock clock;

    MarketOverviews(
            PolicyService policies,
            Champions champions,
            DecisionActivity activity,
            ExperimentService experiments,
            Clock clock) {
        this.clock = clock;
        this.policies = policies;
        this.champions = champions;
        this.activity = activity;
        this.experiments = experiments;
    }

    /** When the figures are read, by the engine's clock. */
    Instant now() {
        return clock.instant();
    }

    Period today() {
        return Period.today(clock);
    }

    Period lastDays(int days) {
        return Period.lastDays(days, clock);
    }

    List<MarketOverview> over(Period period) {
        Map<String, MarketOverview.Champion> serving = new HashMap<>();
        Map<String, String> running = new HashMap<>();
        Words texts = Words.current();
        for (String market : champions.markets()) {
            champions
                    .of(market)
                    .ifPresent(c ->
                            serving.put(market, new MarketOverview.Champion(c.currency(), c.version(), c.digest())));
            experiments.running(market).ifPresent(e -> running.put(market, describe(e, texts)));
        }
        return MarketOverview.of(policies.markets(), serving, running, activity.between(period.from(), period.to()));
    }

    /** "v4 · SPLIT 10%" (分流 in Chinese): the challenger, how it runs and on how much traffic. */
    static String describe(Experiment experiment, Words texts) {
        return texts.translate(
                "overview.experiment." + experiment.mode().name(),
                "v" + experiment.challengerVersion(),
                experiment.trafficPercent());
    }
}

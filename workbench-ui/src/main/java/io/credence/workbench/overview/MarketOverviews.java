package io.credence.workbench.overview;

import io.credence.decision.DecisionService;
import io.credence.deployment.ChampionRegistry;
import io.credence.policy.PolicyService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gathers the overview from the engine: champions as they serve now, decisions since midnight UTC. */
@Component
class MarketOverviews {

    private final PolicyService policies;
    private final ChampionRegistry champions;
    private final DecisionService decisions;

    MarketOverviews(PolicyService policies, ChampionRegistry champions, DecisionService decisions) {
        this.policies = policies;
        this.champions = champions;
        this.decisions = decisions;
    }

    /** The start of today in UTC: the day the engine's activity figures count. */
    Instant startOfToday() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    List<MarketOverview> today() {
        Map<String, MarketOverview.Champion> serving = new HashMap<>();
        for (String market : champions.markets()) {
            champions.champion(market).ifPresent(c -> serving.put(market,
                    new MarketOverview.Champion(c.settings().currency(), c.version(), c.digest())));
        }
        return MarketOverview.of(policies.markets(), serving, decisions.activitySince(startOfToday()));
    }
}

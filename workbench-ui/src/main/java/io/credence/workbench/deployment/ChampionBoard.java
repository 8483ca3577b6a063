package io.credence.workbench.deployment;

import io.credence.deployment.Champions;
import io.credence.deployment.Deployment;
import io.credence.deployment.DeploymentService;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Reads what the deployments page shows: champions as they serve now, approved versions, history. */
@Component
class ChampionBoard {

    private final PolicyService policies;
    private final DeploymentService deployments;
    private final Champions champions;

    ChampionBoard(PolicyService policies, DeploymentService deployments, Champions champions) {
        this.policies = policies;
        this.deployments = deployments;
        this.champions = champions;
    }

    List<MarketChampion> markets() {
        TreeSet<String> markets = new TreeSet<>(policies.markets());
        markets.addAll(champions.markets());
        return markets.stream().map(this::market).toList();
    }

    MarketChampion market(String market) {
        Optional<Champions.Serving> champion = champions.of(market);
        return new MarketChampion(
                market,
                champion.map(Champions.Serving::currency).orElse(null),
                champion.map(Champions.Serving::version).orElse(null),
                champion.map(Champions.Serving::digest).orElse(null),
                deployments.previousChampion(market),
                approved(market).size());
    }

    List<PolicyVersion> approved(String market) {
        // A retired version can be deployed again: rolling forward to a known version takes no fresh copy.
        return policies.list(market).stream()
                .filter(v -> v.status() == VersionStatus.APPROVED || v.status() == VersionStatus.RETIRED)
                .toList();
    }

    List<Deployment> history(String market) {
        return deployments.history(market);
    }
}

package io.credence.deployment;

import io.credence.policy.Actor;
import io.credence.policy.PolicyService;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/markets")
class DeploymentController {

    private final DeploymentService deployments;
    private final ChampionRegistry registry;
    private final PolicyService policies;
    private final RunningExperiments experiments;

    DeploymentController(
            DeploymentService deployments,
            ChampionRegistry registry,
            PolicyService policies,
            RunningExperiments experiments) {
        this.deployments = deployments;
        this.registry = registry;
        this.policies = policies;
        this.experiments = experiments;
    }

    @GetMapping
    List<MarketSummary> markets() {
        TreeSet<String> markets = new TreeSet<>(policies.markets());
        markets.addAll(registry.markets());
        List<MarketSummary> result = new ArrayList<>();
        for (String market : markets) {
            var champion = registry.champion(market);
            result.add(new MarketSummary(
                    market,
                    champion.map(c -> c.settings().currency()).orElse(null),
                    champion.map(c -> new MarketSummary.Champion(c.version(), c.digest()))
                            .orElse(null),
                    experiments.running(market)));
        }
        return result;
    }

    @PostMapping("/{market}/versions/{version}/deploy")
    DeploymentService.Result deploy(@PathVariable String market, @PathVariable int version, Principal admin) {
        return deployments.deploy(Actor.of(admin), market, version);
    }

    @PostMapping("/{market}/rollback")
    DeploymentService.Result rollback(
            @PathVariable String market, @RequestBody(required = false) RollbackRequest request, Principal admin) {
        return deployments.rollback(Actor.of(admin), market, request == null ? null : request.reason());
    }

    @GetMapping("/{market}/deployments")
    List<Deployment> history(@PathVariable String market) {
        return deployments.history(market);
    }
}

package io.credence.decision;

import io.credence.security.ApiKeyPrincipal;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Looking decisions up and replaying them; deciding is {@link DecisionMakerController}'s. */
@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {

    private final DecisionLookup decisions;

    DecisionController(DecisionLookup decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    List<DecisionSummary> search(
            @RequestParam(required = false) String market,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String applicationId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        return decisions.search(market, outcome, applicationId, from, to, limit);
    }

    @GetMapping("/{decisionId}")
    DecisionRecord find(@PathVariable String decisionId, Authentication caller) {
        var apiKey = ApiKeyPrincipal.of(caller);
        if (apiKey.isPresent()) return decisions.findOwn(decisionId, apiKey.get());
        boolean admin =
                caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return decisions.find(decisionId, admin);
    }

    @PostMapping("/{decisionId}/replay")
    ReplayResult replay(@PathVariable String decisionId, Authentication caller) {
        var apiKey = ApiKeyPrincipal.of(caller);
        return apiKey.isPresent() ? decisions.replayOwn(decisionId, apiKey.get()) : decisions.replay(decisionId);
    }
}

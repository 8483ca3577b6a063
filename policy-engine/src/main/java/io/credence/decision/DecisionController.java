package io.credence.decision;

import io.credence.security.ApiKeyPrincipal;
import io.credence.shared.ForbiddenActionException;
import io.credence.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * The body is read raw, whatever the content type says, so that every malformed field can be
     * reported (binding would stop at the first) and a form-encoded post is not silently rewritten.
     */
    @PostMapping
    DecisionResponse decide(HttpServletRequest request, Authentication caller) throws IOException {
        // Only loan systems decide (the role matrix): the decision is recorded as the caller's key's.
        ApiKeyPrincipal apiKey = ApiKeyPrincipal.of(caller).orElseThrow(() -> new ForbiddenActionException(
                "Only a loan system's API key may ask for a decision."));
        return decisions.decide(RequestBodies.read(request), apiKey);
    }

    @GetMapping
    List<DecisionSummary> search(@RequestParam(required = false) String market,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String applicationId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        return decisions.search(market, outcome, applicationId, from, to, limit);
    }

    @GetMapping("/activity")
    List<MarketActivity> activity(@RequestParam(required = false) Instant since) {
        return decisions.activitySince(since != null ? since
                : java.time.LocalDate.now(java.time.ZoneOffset.UTC).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    @GetMapping("/{decisionId}")
    DecisionRecord find(@PathVariable String decisionId, Authentication caller) {
        var apiKey = ApiKeyPrincipal.of(caller);
        if (apiKey.isPresent()) return decisions.findOwn(decisionId, apiKey.get());
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return decisions.find(decisionId, admin);
    }

    @PostMapping("/{decisionId}/replay")
    ReplayResult replay(@PathVariable String decisionId, Authentication caller) {
        var apiKey = ApiKeyPrincipal.of(caller);
        return apiKey.isPresent() ? decisions.replayOwn(decisionId, apiKey.get()) : decisions.replay(decisionId);
    }
}

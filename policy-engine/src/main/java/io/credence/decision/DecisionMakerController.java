package io.credence.decision;

import io.credence.security.ApiKeyPrincipal;
import io.credence.shared.ForbiddenActionException;
import io.credence.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A loan system asks for a decision. */
@RestController
@RequestMapping("/api/v1/decisions")
class DecisionMakerController {

    private final DecisionMaker decisions;

    DecisionMakerController(DecisionMaker decisions) {
        this.decisions = decisions;
    }

    /**
     * The body is read raw, whatever the content type says, so that every malformed field can be
     * reported (binding would stop at the first) and a form-encoded post is not silently rewritten.
     */
    @PostMapping
    DecisionResponse decide(HttpServletRequest request, Authentication caller) throws IOException {
        // Only loan systems decide (the role matrix): the decision is recorded as the caller's key's.
        ApiKeyPrincipal apiKey = ApiKeyPrincipal.of(caller)
                .orElseThrow(
                        () -> new ForbiddenActionException("Only a loan system's API key may ask for a decision."));
        return decisions.decide(RequestBodies.read(request), apiKey);
    }
}

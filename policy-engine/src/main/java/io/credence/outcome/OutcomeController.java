package io.credence.outcome;

import io.credence.security.ApiKeyPrincipal;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class OutcomeController {

    private final OutcomeService outcomes;

    OutcomeController(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    /** The body is read as a tree so that each record is judged on its own, not the batch as a whole. */
    @PostMapping("/api/v1/outcomes")
    OutcomeBatchResult receive(@RequestBody JsonNode body, Authentication sender) {
        Predicate<String> mayReportOn = ApiKeyPrincipal.of(sender)
                .<Predicate<String>>map(key -> key::mayUse)
                .orElse(market -> true);
        return outcomes.ingest(sender.getName(), body, mayReportOn);
    }
}

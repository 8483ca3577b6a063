package io.credence.outcome;

import java.security.Principal;
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
    OutcomeBatchResult receive(@RequestBody JsonNode body, Principal sender) {
        return outcomes.ingest(sender.getName(), body);
    }
}

package io.credence.policy;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An application with the outcome (and, optionally, reason codes) the version must give it. Runs on
 * every validation of the version; the results are shown with the version to its reviewer.
 */
public record PolicyTestCase(String id, String name, JsonNode application, String expectedOutcome,
        List<String> expectedReasons, String createdBy, Instant createdAt) {
}

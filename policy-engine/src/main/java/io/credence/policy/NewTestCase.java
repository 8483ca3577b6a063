package io.credence.policy;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Body of POST …/versions/{n}/test-cases. */
public record NewTestCase(String name, JsonNode application, String expectedOutcome, List<String> expectedReasons) {
}

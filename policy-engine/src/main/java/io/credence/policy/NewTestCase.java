package io.credence.policy;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of POST …/versions/{n}/test-cases and PUT …/test-cases/{id}. {@code expectedAmount} and
 * {@code expectedApr} (a fraction, 0.289) are optional; each is met within its tolerance (default 0).
 */
public record NewTestCase(
        String name,
        JsonNode application,
        String expectedOutcome,
        List<String> expectedReasons,
        BigDecimal expectedAmount,
        BigDecimal amountTolerance,
        BigDecimal expectedApr,
        BigDecimal aprTolerance) {

    public NewTestCase(String name, JsonNode application, String expectedOutcome, List<String> expectedReasons) {
        this(name, application, expectedOutcome, expectedReasons, null, null, null, null);
    }
}

package io.credence.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An application with the outcome (and, optionally, reason codes, approved amount and APR, the last two
 * within a tolerance) the version must give it. Runs on every validation of the version; the results
 * are shown with the version to its reviewer.
 */
public record PolicyTestCase(
        String id,
        String name,
        JsonNode application,
        String expectedOutcome,
        List<String> expectedReasons,
        String createdBy,
        Instant createdAt,
        BigDecimal expectedAmount,
        BigDecimal amountTolerance,
        BigDecimal expectedApr,
        BigDecimal aprTolerance) {

    public PolicyTestCase(
            String id,
            String name,
            JsonNode application,
            String expectedOutcome,
            List<String> expectedReasons,
            String createdBy,
            Instant createdAt) {
        this(id, name, application, expectedOutcome, expectedReasons, createdBy, createdAt, null, null, null, null);
    }

    /** The same expectations under a new id, author and time: a copy into a new draft, or a duplicate. */
    PolicyTestCase copy(String newId, String newName, String author, Instant at) {
        return new PolicyTestCase(
                newId,
                newName,
                application,
                expectedOutcome,
                expectedReasons,
                author,
                at,
                expectedAmount,
                amountTolerance,
                expectedApr,
                aprTolerance);
    }
}

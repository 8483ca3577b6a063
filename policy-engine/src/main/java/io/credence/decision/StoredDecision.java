package io.credence.decision;

import org.jspecify.annotations.Nullable;

/**
 * A decision row as stored: JSON columns still as text; {@code challengerJson} only in a shadow experiment;
 * {@code apiKeyId} the key that asked for it (null for decisions logged before keys were recorded).
 */
record StoredDecision(
        String id,
        String applicationId,
        String market,
        int policyVersion,
        String policyDigest,
        String requestHash,
        @Nullable String requestJson,
        String resultJson,
        String contextJson,
        @Nullable String fault,
        @Nullable String challengerJson,
        @Nullable String apiKeyId) {}

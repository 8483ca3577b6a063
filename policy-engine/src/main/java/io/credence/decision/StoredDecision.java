package io.credence.decision;

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
        String requestJson,
        String resultJson,
        String contextJson,
        String fault,
        String challengerJson,
        String apiKeyId) {
}

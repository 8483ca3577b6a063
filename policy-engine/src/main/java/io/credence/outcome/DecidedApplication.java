package io.credence.outcome;

import java.time.Instant;

/**
 * The few fields of a logged decision that outcome reports need, copied into the outcome tables at
 * ingestion so that performance aggregates never join the decision log.
 *
 * @param decision APPROVE, DECLINE or REFER, as answered
 * @param probability the model's probability of bad, when the model is a classifier
 */
record DecidedApplication(
        String applicationId,
        String market,
        int policyVersion,
        String arm,
        String experimentId,
        String decision,
        Double score,
        Double probability,
        Instant decidedAt) {}

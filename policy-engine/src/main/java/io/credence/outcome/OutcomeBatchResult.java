package io.credence.outcome;

import java.util.List;

/** The answer to a batch of outcomes: how many were stored, and every refused record with its reason. */
public record OutcomeBatchResult(int accepted, List<RejectedOutcome> rejected) {}

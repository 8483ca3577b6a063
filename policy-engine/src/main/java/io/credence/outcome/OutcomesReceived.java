package io.credence.outcome;

import java.time.Instant;

/** Outcome records of a market were stored (published after they are committed). */
public record OutcomesReceived(String market, int records, int loans, Instant at) {}

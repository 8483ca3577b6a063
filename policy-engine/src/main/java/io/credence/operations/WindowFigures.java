package io.credence.operations;

import java.time.Instant;

/** One market's decisions in a window [from, to): how many, how many approved, and their scores. */
record WindowFigures(Instant from, Instant to, long decisions, long approvals, ScoreHistogram scores) {

    Double approvalRate() {
        return decisions == 0 ? null : (double) approvals / decisions;
    }

    DriftWindow summary() {
        return new DriftWindow(from, to, decisions, approvalRate(), scores.total());
    }
}

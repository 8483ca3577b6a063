package io.credence.outcome;

/** A refused outcome record: its position in the batch, the offending field by JSON path, and why. */
public record RejectedOutcome(int index, String field, String message) {}

package io.credence.decision;

/** The exact policy that made a decision, and the experiment arm it came from. */
public record PolicyRef(String market, int version, String arm, String digest) {}

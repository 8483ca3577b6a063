package io.credence.engine;

/** One problem in one artifact of a policy package; line and column are 1-based, null when unknown. */
public record ArtifactError(String artifact, Integer line, Integer column, String message) {}

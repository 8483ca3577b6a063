package io.credence.engine;

/** A reason given with a decision; {@code source} is fraud, scorecard, approval, pricing or engine. */
public record Reason(String code, String message, String source) {}

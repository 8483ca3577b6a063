package io.credence.policy;

/** A comment to leave on a diff line; {@code side} defaults to {@code new}. */
public record NewLineComment(String artifact, String side, Integer line, String text) {}

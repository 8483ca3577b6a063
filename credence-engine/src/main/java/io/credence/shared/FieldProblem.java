package io.credence.shared;

/** One offending field of a request, by its JSON path. */
public record FieldProblem(String field, String message) implements java.io.Serializable {}

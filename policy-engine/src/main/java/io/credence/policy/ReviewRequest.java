package io.credence.policy;

/** Body of approve and reject; a comment is required to reject. */
public record ReviewRequest(String comment) {}

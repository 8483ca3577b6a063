package io.credence.decision;

/** A logged decision's request and the context (velocity, list matches) it was decided with, as stored. */
public record LoggedRequest(String applicationId, String requestJson, String contextJson) {}

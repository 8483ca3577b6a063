package io.credence.policy;

import java.util.Map;

/** Body of POST …/versions: artifacts left out are copied from {@code basedOn}. */
public record NewVersionRequest(Integer basedOn, Map<String, String> artifacts, String note) {}

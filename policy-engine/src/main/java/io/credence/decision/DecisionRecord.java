package io.credence.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.credence.engine.Enrichment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stored decision as an auditor reads it: the answer given, the request (masked unless the reader
 * is an admin, null once purged), what the engine knew beyond the request, and any policy fault.
 * {@code shadow} is what a shadow experiment's challenger decided for the same application, never returned to
 * the loan system.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(
        @JsonUnwrapped DecisionResponse decision,
        @Nullable JsonNode request,
        Enrichment context,
        @Nullable String fault,
        boolean masked,
        @Nullable DecisionResponse shadow) {}

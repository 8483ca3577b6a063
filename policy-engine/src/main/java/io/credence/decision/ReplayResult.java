package io.credence.decision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A stored request re-run on the version that decided it; {@code matches} compares the outcomes, reasons, amounts and rules. */
public record ReplayResult(@JsonUnwrapped DecisionResponse replayed, boolean matches, DecisionResponse original) {}

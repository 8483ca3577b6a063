package io.credence.policy;

import io.credence.engine.EngineResult;

/** What a version decides for one application in the test bench; nothing is stored. */
public record TrialDecision(String market, int version, String digest, EngineResult result) {}

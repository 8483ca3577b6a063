package io.credence.experiment;

/** SPLIT answers a share of customers with the challenger; SHADOW answers everyone with the champion. */
public enum ExperimentMode {
    SPLIT,
    SHADOW
}

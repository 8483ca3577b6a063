package io.credence.experiment;

public enum ExperimentStatus {
    RUNNING,
    STOPPED,
    STOPPED_BY_GUARD_RAIL,
    PROMOTED;

    public boolean ended() {
        return this != RUNNING;
    }
}

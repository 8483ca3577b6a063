package io.credence.simulation;

/** QUEUED until a slot frees, RUNNING while rows are decided, then COMPLETED or FAILED. */
public enum SimulationStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}

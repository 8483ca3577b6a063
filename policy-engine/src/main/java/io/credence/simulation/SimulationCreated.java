package io.credence.simulation;

/** The answer to starting a backtest: where to follow it. */
public record SimulationCreated(String id, SimulationStatus status) {}

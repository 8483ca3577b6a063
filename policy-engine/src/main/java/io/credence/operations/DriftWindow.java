package io.credence.operations;

import java.time.Instant;

/** A window's figures as the API shows them; {@code approvalRate} is null when it held no decision. */
public record DriftWindow(Instant from, Instant to, long decisions, Double approvalRate, long scored) {}

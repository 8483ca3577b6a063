/**
 * Loan outcomes: what became of the loans the engine approved, as the lender's servicing system reports
 * it ({@code POST /api/v1/outcomes}), kept in its own tables with the few decision fields the reports
 * need copied in at ingestion; and what they say about a market's versions and an experiment's arms
 * (bad rates with Wilson intervals, Gini, KS, calibration, vintages), aggregated in SQL.
 */
@Feature(allowedDependencies = {"audit", "decision", "deployment", "engine", "experiment", "security", "shared"})
@NullMarked
package io.credence.outcome;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;

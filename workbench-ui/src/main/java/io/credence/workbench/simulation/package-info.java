/**
 * The backtest screen (route {@code backtests}): pick a market, a candidate version, the version to
 * compare with and the applications (the German credit demo, recent decisions or an uploaded CSV),
 * watch the progress bar, and read the report. {@link io.credence.workbench.simulation.BacktestSummary}
 * shows a version's latest backtest wherever a version is reviewed.
 */
@NullMarked
package io.credence.workbench.simulation;

import org.jspecify.annotations.NullMarked;

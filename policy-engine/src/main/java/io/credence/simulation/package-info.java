/**
 * Backtests: before a version goes to review, an analyst runs it against another version (usually the
 * champion) on the market's latest logged applications, an uploaded CSV of applications, or the
 * German credit demo dataset, and reads what would change: the decision-change matrix, approval and
 * bad rates, approval by age band with the four-fifths ratio, invalid rows and a sample of changed
 * decisions.
 *
 * <p>Every row goes through {@link io.credence.engine.CompiledPolicy#decide}, the pipeline live
 * decisions use. Runs happen in the background on a small pool of low-priority threads shared by
 * all runs, so the live decision path keeps its latency; progress and the final report are stored
 * in the {@code simulation} table with the version they tested.
 */
@Feature(allowedDependencies = {"decision", "deployment", "engine", "outcome", "policy", "shared"})
@NullMarked
package io.credence.simulation;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;

package io.credence.deployment;

/**
 * What the markets list shows of a market's running experiment. The experiment feature provides it,
 * so that deployment, which that feature builds on, need not know it.
 */
public interface RunningExperiments {

    /** The market's running experiment, or null when none runs. */
    MarketSummary.Experiment running(String market);
}

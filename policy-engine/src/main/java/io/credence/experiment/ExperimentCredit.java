package io.credence.experiment;

/**
 * Where experiments learn what became of their loans. The loan-outcomes feature implements it; the
 * interface lives here so that experiments depend on no feature that depends on decisions (decisions
 * route through experiments).
 */
public interface ExperimentCredit {

    CreditComparison compare(String market, String experimentId);
}

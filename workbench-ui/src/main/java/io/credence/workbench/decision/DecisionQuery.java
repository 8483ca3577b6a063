package io.credence.workbench.decision;

import java.time.LocalDate;

/**
 * What the decision search filters on; blanks mean "any", dates are whole days in the viewer's zone.
 * {@code customerId} is the id the loan system sent; {@code arm} champion or challenger.
 */
record DecisionQuery(
        String applicationId,
        String market,
        String outcome,
        LocalDate from,
        LocalDate to,
        String customerId,
        String reasonCode,
        Integer version,
        String arm) {

    static final DecisionQuery ANY = new DecisionQuery(null, null, null, null, null, null, null, null, null);

    DecisionQuery {
        applicationId = blankToNull(applicationId);
        market = blankToNull(market);
        outcome = blankToNull(outcome);
        customerId = blankToNull(customerId);
        reasonCode = blankToNull(reasonCode);
        arm = blankToNull(arm);
    }

    DecisionQuery withMarket(String market) {
        return new DecisionQuery(applicationId, market, outcome, from, to, customerId, reasonCode, version, arm);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package io.credence.workbench.decision;

import java.time.LocalDate;

/** What the decision search filters on; blanks mean "any", dates are whole days in the viewer's zone. */
record DecisionQuery(String applicationId, String market, String outcome, LocalDate from, LocalDate to) {

    static final DecisionQuery ANY = new DecisionQuery(null, null, null, null, null);

    DecisionQuery {
        applicationId = blankToNull(applicationId);
        market = blankToNull(market);
        outcome = blankToNull(outcome);
    }

    DecisionQuery withMarket(String market) {
        return new DecisionQuery(applicationId, market, outcome, from, to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

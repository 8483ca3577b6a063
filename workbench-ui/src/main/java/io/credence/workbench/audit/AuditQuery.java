package io.credence.workbench.audit;

import java.time.LocalDate;

/** What the audit trail is filtered on; blanks mean "any", dates are whole days in the viewer's zone. */
record AuditQuery(String market, String actor, String action, LocalDate from, LocalDate to) {

    AuditQuery {
        market = blankToNull(market);
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

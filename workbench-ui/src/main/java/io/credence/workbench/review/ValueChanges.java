package io.credence.workbench.review;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.policy.PolicyDiff;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * market.json's changed limits and parameters as a reviewer reads them: "Minimum age (minimumAge)
 * 18 → 21", "maxAmount MXN 300,000 → MXN 240,000", percentages as percentages. The line diff of the
 * file stays below for the reviewer who wants the text.
 */
class ValueChanges extends Div {

    ValueChanges(List<PolicyDiff.ValueChange> changes, String currency, Locale locale) {
        setId("value-changes");
        addClassName("value-changes");
        for (PolicyDiff.ValueChange change : changes) {
            Div row = new Div();
            row.addClassName("value-change");
            row.getElement().setAttribute("data-name", change.name());
            String label = change.label() == null || change.label().equals(change.name())
                    ? change.name()
                    : change.label() + " (" + change.name() + ")";
            Span name = new Span(label);
            name.addClassName("value-change-name");
            Span before = new Span(shown(change.before(), change.type(), currency, locale));
            before.addClassName("value-before");
            Span after = new Span(shown(change.after(), change.type(), currency, locale));
            after.addClassName("value-after");
            row.add(name, new Span(" "), before, new Span(" → "), after);
            add(row);
        }
    }

    /** A value as market.json writes it (0.4, 300000, 2026-07-01), shown in business terms; "—" when absent. */
    static String shown(String plain, String type, String currency, Locale locale) {
        if (plain == null) return "—";
        if ("date".equals(type)) return plain;
        BigDecimal value;
        try {
            value = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return plain;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return switch (type) {
            case "percent" -> format.format(value.movePointRight(2)) + " %";
            case "money" -> (currency == null ? "" : currency + " ") + format.format(value);
            default -> format.format(value);
        };
    }
}

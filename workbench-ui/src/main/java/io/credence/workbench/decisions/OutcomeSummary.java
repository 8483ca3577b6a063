package io.credence.workbench.decisions;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.decision.DecisionResponse;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** The answer a loan system got: outcome, score, offer and the exact policy that gave it. */
class OutcomeSummary extends Composite<Div> {

    OutcomeSummary(DecisionResponse decision, JsonNode request, String currency, Display display) {
        Span score = new Span(decision.score() == null ? "no score" : "Score " + decision.score());
        score.addClassName("decision-score");
        Div headline = new Div(Badges.outcome(decision.outcome()), score);
        headline.addClassName("outcome-headline");

        Facts application = new Facts()
                .add("Application", decision.applicationId())
                .add("Market", decision.market())
                .add("Evaluated", display.dateTime(decision.evaluatedAt()))
                .add("Engine time", display.micros(decision.durationMicros()));
        Facts offer = new Facts()
                .add("Requested", requested(request, currency, display))
                .add("Approved amount", display.money(decision.approvedAmount(), currency))
                .add("APR", display.percent(decision.apr()))
                .add("Policy", "v" + decision.policy().version() + " · " + decision.policy().arm())
                .add("Digest", digest(decision.policy().digest()));
        Div columns = new Div(application, offer);
        columns.addClassName("summary-columns");
        getContent().addClassName("outcome-summary");
        getContent().add(headline, columns);
    }

    /** "₹300,000.00 over 36 months" from the request; the loan is never masked. */
    static String requested(JsonNode request, String currency, Display display) {
        if (request == null || !request.path("loan").path("amount").isNumber()) return "—";
        JsonNode loan = request.path("loan");
        BigDecimal amount = loan.path("amount").decimalValue();
        String term = loan.path("termMonths").isNumber() ? " over " + loan.path("termMonths").asInt() + " months" : "";
        return display.money(amount, currency) + term;
    }

    private static Span digest(String digest) {
        Span text = new Span(Display.shortDigest(digest));
        text.addClassNames("mono", "digest");
        text.getElement().setAttribute("title", digest == null ? "" : digest);
        return text;
    }
}

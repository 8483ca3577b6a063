package io.credence.workbench.decision;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.decision.DecisionResponse;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import tools.jackson.databind.JsonNode;

/** The answer a loan system got: outcome, score, offer and the exact policy that gave it. */
class OutcomeSummary extends Composite<Div> {

    OutcomeSummary(DecisionResponse decision, JsonNode request, String currency, Display display) {
        Words texts = Words.current();
        Span score = new Span(
                decision.score() == null
                        ? getTranslation("decisions.no-score")
                        : getTranslation("decisions.score-of", display.number(decision.score())));
        score.addClassName("decision-score");
        Div headline = new Div(Badges.outcome(decision.outcome()), score);
        headline.addClassName("outcome-headline");

        Facts application = new Facts()
                .add(getTranslation("decisions.application"), decision.applicationId())
                .add(getTranslation("common.market"), decision.market())
                .add(getTranslation("decisions.evaluated"), display.dateTime(decision.evaluatedAt()))
                .add(getTranslation("decisions.engine-time"), display.micros(decision.durationMicros()));
        Facts offer = new Facts()
                .add(getTranslation("decisions.requested"), requested(request, currency, display, texts))
                .add(getTranslation("decisions.approved-amount"), display.money(decision.approvedAmount(), currency))
                .add(getTranslation("decisions.apr"), display.percent(decision.apr()))
                .add(getTranslation("decisions.policy"), policy(decision, texts))
                .add(
                        getTranslation("decisions.digest"),
                        digest(decision.policy().digest()));
        Div columns = new Div(application, offer);
        columns.addClassName("summary-columns");
        getContent().addClassName("outcome-summary");
        getContent().add(headline, columns);
    }

    /** "₹300,000.00 over 36 months" from the request; the loan is never masked. */
    static String requested(JsonNode request, String currency, Display display, Words texts) {
        if (request == null || !request.path("loan").path("amount").isNumber()) return "—";
        JsonNode loan = request.path("loan");
        String amount = display.money(loan.path("amount").decimalValue(), currency);
        return loan.path("termMonths").isNumber()
                ? texts.translate(
                        "decisions.requested.over-term",
                        amount,
                        display.number(loan.path("termMonths").asInt()))
                : amount;
    }

    /** "v1 · champion": the version and the experiment arm that answered. */
    static String policy(DecisionResponse decision, Words texts) {
        return "v" + decision.policy().version() + " · " + arm(decision.policy().arm(), texts);
    }

    /** "champion" or "challenger" in the reader's language; anything else as the engine said it. */
    static String arm(String arm, Words texts) {
        return "champion".equals(arm) || "challenger".equals(arm) ? texts.translate("decisions.arm." + arm) : arm;
    }

    private static Span digest(String digest) {
        Span text = new Span(Display.shortDigest(digest));
        text.addClassNames("mono", "digest");
        text.getElement().setAttribute("title", digest == null ? "" : digest);
        return text;
    }
}

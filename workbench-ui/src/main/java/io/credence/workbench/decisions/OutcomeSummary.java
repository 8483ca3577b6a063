package io.credence.workbench.decisions;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.decision.DecisionResponse;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;

/** The answer a loan system got: outcome, score, offer and the policy that gave it. */
class OutcomeSummary extends Composite<Div> {

    OutcomeSummary(DecisionResponse decision, String currency, Display display) {
        Span score = new Span(decision.score() == null ? "no score" : "Score " + decision.score());
        score.addClassName("decision-score");
        Span when = new Span(display.dateTime(decision.evaluatedAt()) + " · " + display.micros(decision.durationMicros())
                + " engine time");
        when.addClassName("muted");
        Div headline = new Div(Badges.outcome(decision.outcome()), score, when);
        headline.addClassName("outcome-headline");

        Facts facts = new Facts()
                .add("Application", decision.applicationId())
                .add("Market", decision.market())
                .add("Approved amount", display.money(decision.approvedAmount(), currency))
                .add("APR", display.percent(decision.apr()))
                .add("Policy", "v" + decision.policy().version() + " · " + decision.policy().arm())
                .add("Digest", digest(decision.policy().digest()));
        getContent().addClassName("outcome-summary");
        getContent().add(headline, facts);
    }

    private static Span digest(String digest) {
        Span text = new Span(digest);
        text.addClassNames("mono", "digest");
        return text;
    }
}

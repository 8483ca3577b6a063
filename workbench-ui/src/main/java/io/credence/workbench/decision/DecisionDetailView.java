package io.credence.workbench.decision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.credence.decision.DecisionContributions;
import io.credence.decision.DecisionLookup;
import io.credence.decision.DecisionRecord;
import io.credence.decision.DecisionResponse;
import io.credence.deployment.Champions;
import io.credence.shared.StateConflictException;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** One logged decision as an auditor reads it, with a replay on the version that made it. */
@Route(value = "decisions/:" + DecisionDetailView.ID, layout = MainLayout.class)
@PermitAll
public class DecisionDetailView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    static final String ID = "decisionId";

    private final DecisionLookup decisions;
    private final DecisionContributions contributions;
    private final Champions champions;
    private final CurrentUser user;
    private final Display display = Display.current();
    private String title = getTranslation("decisions.detail.title");

    DecisionDetailView(
            DecisionLookup decisions, DecisionContributions contributions, Champions champions, CurrentUser user) {
        this.decisions = decisions;
        this.contributions = contributions;
        this.champions = champions;
        this.user = user;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElseThrow();
        DecisionRecord record = decisions.find(id, user.isAdmin());
        title = getTranslation("decisions.detail.title-of", record.decision().applicationId());
        String currency = currency(record);
        removeAll();
        add(
                new RouterLink(getTranslation("decisions.detail.back"), DecisionSearchView.class),
                Evidence.section(
                        getTranslation("common.outcome"),
                        new OutcomeSummary(record.decision(), record.request(), currency, display)),
                fault(record.fault()),
                evidence(record),
                Evidence.section(getTranslation("decisions.contributions"), contributions(id)),
                columns(
                        "panels-2",
                        Evidence.section(
                                getTranslation("decisions.replay"),
                                new ReplayPanel(() -> decisions.replay(id), currency, display)),
                        Evidence.section(
                                getTranslation("decisions.request"),
                                new RequestJson(record.request(), record.masked()))));
    }

    private Component evidence(DecisionRecord record) {
        DecisionResponse decision = record.decision();
        Card reasons = Evidence.section(getTranslation("decisions.reasons"), Evidence.reasons(decision.reasons()));
        reasons.addClassName("span-all");
        return columns(
                "panels-2",
                reasons,
                Evidence.section(getTranslation("decisions.rules-fired"), Evidence.rulesFired(decision.rulesFired())),
                Evidence.section(getTranslation("decisions.context"), Evidence.context(record.context(), display)));
    }

    /** Scored again on the deciding version; a purged request or a changed version leaves a note instead. */
    private Component contributions(String id) {
        try {
            return Contributions.of(contributions.of(id), display);
        } catch (StateConflictException unavailable) {
            return Evidence.muted(getTranslation("decisions.contributions.unavailable"));
        }
    }

    private static Component columns(String className, Component... sections) {
        Div columns = new Div(sections);
        columns.addClassName(className);
        return columns;
    }

    /** The engine reports a fault in English; the reader's words say what it is. */
    private Component fault(String fault) {
        Paragraph paragraph = new Paragraph(fault == null ? "" : getTranslation("decisions.detail.fault", fault));
        paragraph.addClassName("decision-fault");
        paragraph.setVisible(fault != null);
        return paragraph;
    }

    /** The market's currency as its champion states it; the request's own currency if nothing serves now. */
    private String currency(DecisionRecord record) {
        return champions
                .of(record.decision().market())
                .map(Champions.Serving::currency)
                .orElseGet(() -> record.request() == null
                        ? null
                        : record.request().path("loan").path("currency").asString(null));
    }

    @Override
    public String heading() {
        return title;
    }
}

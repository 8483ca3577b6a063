package io.credence.workbench.decisions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import io.credence.engine.Enrichment;
import io.credence.engine.Reason;
import io.credence.workbench.components.Facts;
import java.util.List;

/** Why a decision came out as it did: the reasons given, the rules that fired, what the engine knew. */
final class Evidence {

    private Evidence() {
    }

    static Card section(String title, Component... content) {
        Card card = new Card();
        card.addThemeVariants(CardVariant.OUTLINED);
        card.setTitle(title);
        card.add(content);
        card.addClassName("evidence-section");
        return card;
    }

    static Component reasons(List<Reason> reasons) {
        if (reasons == null || reasons.isEmpty()) return muted("No reasons given.");
        Grid<Reason> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.NO_BORDER);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(Reason::code).setHeader("Code").setWidth("16rem").setFlexGrow(0);
        grid.addColumn(Reason::message).setHeader("Message").setFlexGrow(1);
        grid.addColumn(Reason::source).setHeader("Source").setWidth("8rem").setFlexGrow(0);
        grid.setItems(reasons);
        grid.setAllRowsVisible(true);
        grid.addClassName("reasons-grid");
        return grid;
    }

    static Component rulesFired(List<String> rules) {
        if (rules == null || rules.isEmpty()) return muted("No rule fired.");
        OrderedList list = new OrderedList();
        rules.forEach(rule -> list.add(new ListItem(rule)));
        list.addClassName("rules-fired");
        return list;
    }

    static Component context(Enrichment context) {
        if (context == null) return muted("Not recorded.");
        Facts facts = new Facts()
                .add("Device applications, 24 h", Integer.toString(context.deviceApplications24h()))
                .add("Customer applications, 30 days", Integer.toString(context.customerApplications30d()));
        if (context.listMatches().isEmpty()) {
            facts.add("Fraud-list matches", "none");
        } else {
            context.listMatches().forEach(hit -> facts.add("Fraud-list match", hit.list() + ": " + hit.reason()));
        }
        return facts;
    }

    static Component muted(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("muted");
        return paragraph;
    }
}

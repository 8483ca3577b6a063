package io.credence.workbench.decision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import io.credence.engine.Enrichment;
import io.credence.engine.Reason;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.util.List;

/** Why a decision came out as it did: the reasons given, the rules that fired, what the engine knew. */
final class Evidence {

    private Evidence() {}

    static Card section(String title, Component... content) {
        Card card = new Card();
        card.addThemeVariants(CardVariant.OUTLINED);
        card.setTitle(title);
        card.add(content);
        card.addClassName("evidence-section");
        return card;
    }

    static Component reasons(List<Reason> reasons) {
        Words texts = Words.current();
        if (reasons == null || reasons.isEmpty()) return muted(texts.translate("decisions.reasons.none"));
        Grid<Reason> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.NO_BORDER);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(Reason::code)
                .setHeader(texts.translate("decisions.reasons.code"))
                .setWidth("16rem")
                .setFlexGrow(0);
        grid.addColumn(Reason::message)
                .setHeader(texts.translate("decisions.reasons.message"))
                .setFlexGrow(1);
        grid.addColumn(Reason::source)
                .setHeader(texts.translate("decisions.reasons.source"))
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.setItems(reasons);
        grid.setAllRowsVisible(true);
        grid.addClassName("reasons-grid");
        return grid;
    }

    static Component rulesFired(List<String> rules) {
        if (rules == null || rules.isEmpty()) return muted(Words.current().translate("decisions.rules-fired.none"));
        OrderedList list = new OrderedList();
        rules.forEach(rule -> list.add(new ListItem(rule)));
        list.addClassName("rules-fired");
        return list;
    }

    static Component context(Enrichment context, Display display) {
        Words texts = Words.current();
        if (context == null) return muted(texts.translate("decisions.context.not-recorded"));
        Facts facts = new Facts()
                .add(texts.translate("decisions.context.device-24h"), display.number(context.deviceApplications24h()))
                .add(
                        texts.translate("decisions.context.customer-30d"),
                        display.number(context.customerApplications30d()));
        if (context.listMatches().isEmpty()) {
            facts.add(texts.translate("decisions.context.list-matches"), texts.translate("decisions.context.no-match"));
        } else {
            context.listMatches()
                    .forEach(hit -> facts.add(
                            texts.translate("decisions.context.list-match"),
                            texts.translate("decisions.context.list-hit", listName(hit.list(), texts), hit.reason())));
        }
        return facts;
    }

    /** CUSTOMER or DEVICE, the fraud list a match came from. */
    static String listName(String list, Words texts) {
        return "CUSTOMER".equals(list) || "DEVICE".equals(list) ? texts.translate("common.fraud-list." + list) : list;
    }

    static Component muted(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("muted");
        return paragraph;
    }
}

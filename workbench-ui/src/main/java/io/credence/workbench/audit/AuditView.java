package io.credence.workbench.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Route;
import io.credence.audit.AuditEntry;
import io.credence.audit.AuditTrail;
import io.credence.policy.PolicyService;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.LanguageSelection;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.i18n.Words;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Who did what when: every state change, deployment and list change, in a tamper-evident chain. */
@Route(value = "audit", layout = MainLayout.class)
@PermitAll
public class AuditView extends VerticalLayout implements TranslatedTitle {

    static final int LIMIT = 500;

    private final AuditTrail audit;
    private final Display display = Display.current();
    private final Words texts = Words.current();
    private final Language language = LanguageSelection.current();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Paragraph status = new Paragraph();

    AuditView(AuditTrail audit, PolicyService policies) {
        this.audit = audit;
        addClassName("page");
        setSizeFull();
        configureGrid();
        status.addClassName("page-intro");
        AuditFilters filters = new AuditFilters(policies.markets(), display.locale(), this::search);
        HorizontalLayout summary = new HorizontalLayout(status, new ChainCheck(audit::verify));
        summary.setWidthFull();
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        summary.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(filters, summary, grid);
        search(filters.query());
    }

    @Override
    public String heading() {
        return getTranslation("audit.title");
    }

    /**
     * An event's name in the reader's language; an action the workbench does not know keeps its code.
     * English keeps the codes themselves: they are what the API filters on and auditors quote.
     */
    static String actionName(String code, Words texts) {
        return AuditFilters.KNOWN_ACTIONS.contains(code) ? texts.translate("audit.event." + code) : code;
    }

    private void configureGrid() {
        grid.setId("audit-entries");
        grid.addColumn(AuditEntry::seq).setHeader("#").setWidth("4.5rem").setFlexGrow(0);
        // Sized to the date as the reader's locale writes it: a Chinese date is longer than an English one.
        grid.addColumn(e -> display.dateTime(e.at()))
                .setHeader(getTranslation("audit.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.actor"))
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(e -> e.market() == null ? "—" : e.market())
                .setHeader(getTranslation("common.market"))
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(e -> actionName(e.action(), texts))
                .setHeader(getTranslation("audit.action"))
                .setWidth("14rem")
                .setFlexGrow(0)
                .setTooltipGenerator(AuditEntry::action);
        grid.addColumn(e -> AuditTexts.subject(e, language, texts))
                .setHeader(getTranslation("audit.subject"))
                .setWidth("14rem")
                .setFlexGrow(0)
                .setTooltipGenerator(e -> AuditTexts.subject(e, language, texts));
        grid.addColumn(e -> AuditTexts.detail(e, language, texts))
                .setHeader(getTranslation("audit.detail"))
                .setFlexGrow(1)
                .setTooltipGenerator(e -> AuditTexts.detail(e, language, texts));
        grid.setEmptyStateText(getTranslation("audit.empty"));
        // A review comment or rollback reason is longer than any column: a click on the row opens it in full.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::fullText));
        grid.setDetailsVisibleOnClick(true);
    }

    private Div fullText(AuditEntry entry) {
        String subjectText = AuditTexts.subject(entry, language, texts);
        String detailText = AuditTexts.detail(entry, language, texts);
        Div subject = new Div(
                new Span(getTranslation("audit.subject") + ": "), new Span(subjectText == null ? "—" : subjectText));
        Div detail = new Div(
                new Span(getTranslation("audit.detail") + ": "), new Span(detailText == null ? "—" : detailText));
        Div full = new Div(subject, detail);
        full.addClassName("audit-full-text");
        full.setId("audit-full-" + entry.seq());
        return full;
    }

    private void search(AuditQuery query) {
        List<AuditEntry> entries = audit.find(
                query.market(),
                query.actor(),
                query.action(),
                display.startOf(query.from()),
                display.endOf(query.to()),
                LIMIT);
        grid.setItems(entries);
        status.setText(
                entries.size() == LIMIT
                        ? getTranslation("audit.status.limit", display.number(LIMIT))
                        : entries.size() == 1
                                ? getTranslation("audit.status.one")
                                : getTranslation("audit.status.many", display.number(entries.size())));
        if (!entries.isEmpty()) status.setText(status.getText() + " " + getTranslation("audit.open-hint"));
    }
}

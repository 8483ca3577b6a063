package io.credence.workbench.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.credence.audit.AuditEntry;
import io.credence.audit.AuditTrail;
import io.credence.policy.PolicyService;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Who did what when: every state change, deployment and list change, in a tamper-evident chain. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail")
@PermitAll
public class AuditView extends VerticalLayout {

    static final int LIMIT = 500;

    private final AuditTrail audit;
    private final Display display = Display.current();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Paragraph status = new Paragraph();

    AuditView(AuditTrail audit, PolicyService policies) {
        this.audit = audit;
        addClassName("page");
        setSizeFull();
        configureGrid();
        status.addClassName("page-intro");
        AuditFilters filters = new AuditFilters(policies.markets(), this::search);
        HorizontalLayout summary = new HorizontalLayout(status, new ChainCheck(audit::verify));
        summary.setWidthFull();
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        summary.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(filters, summary, grid);
        search(filters.query());
    }

    private void configureGrid() {
        grid.setId("audit-entries");
        grid.addColumn(AuditEntry::seq).setHeader("#").setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(e -> display.dateTime(e.at())).setHeader("When").setWidth("12.5rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(e -> e.market() == null ? "—" : e.market()).setHeader("Market").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setWidth("14rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::subject).setHeader("Subject").setWidth("14rem").setFlexGrow(0)
                .setTooltipGenerator(AuditEntry::subject);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1).setTooltipGenerator(AuditEntry::detail);
        grid.setEmptyStateText("No entries match.");
    }

    private void search(AuditQuery query) {
        List<AuditEntry> entries = audit.find(query.market(), query.actor(), query.action(),
                display.startOf(query.from()), display.endOf(query.to()), LIMIT);
        grid.setItems(entries);
        status.setText(entries.size() == LIMIT ? "The " + LIMIT + " most recent matching entries; narrow the search to see others."
                : entries.size() + (entries.size() == 1 ? " entry" : " entries") + ", most recent first.");
    }
}

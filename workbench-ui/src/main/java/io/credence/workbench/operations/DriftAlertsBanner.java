package io.credence.workbench.operations;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinService;
import io.credence.operations.DriftAlert;
import io.credence.operations.DriftMonitor;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import java.util.List;

/**
 * The active drift alerts, above the overview's market cards; hidden while there are none. Read
 * each time the page is shown, from the same service as GET /api/v1/drift, so the workbench and
 * the API never disagree. Styled inline so it needs nothing from the shared stylesheet.
 */
public class DriftAlertsBanner extends Composite<Div> {

    private final DriftMonitor drift;
    private final Display display = Display.current();

    DriftAlertsBanner(DriftMonitor drift) {
        this.drift = drift;
        Div banner = getContent();
        banner.setId("drift-alerts");
        banner.setWidthFull();
        banner.getStyle().set("box-sizing", "border-box").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-error-color-10pct)")
                .set("border", "1px solid var(--lumo-error-color-50pct)");
        banner.setVisible(false);
    }

    /** One line in a view: Spring builds the banner with its service, as Vaadin builds views. */
    public static DriftAlertsBanner create() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(DriftAlertsBanner.class);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        show(drift.report().alerts());
    }

    private void show(List<DriftAlert> alerts) {
        Div banner = getContent();
        banner.removeAll();
        banner.setVisible(!alerts.isEmpty());
        if (alerts.isEmpty()) return;
        Span title = new Span(VaadinIcon.WARNING.create(), new Span(" Drift: " + alerts.size() + " active alert"
                + (alerts.size() == 1 ? "" : "s")));
        title.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        banner.add(title);
        for (DriftAlert alert : alerts) banner.add(line(alert));
        Paragraph how = new Paragraph("Each market's last hour against the seven days before it, checked every minute. "
                + "An alert clears by itself once a check finds the figure back within its limit.");
        how.getStyle().set("margin", "var(--lumo-space-xs) 0 0").set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        banner.add(how);
    }

    private Div line(DriftAlert alert) {
        Span since = new Span("since " + display.dateTime(alert.raisedAt()));
        since.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "nowrap");
        Div line = new Div(Badges.warning("APPROVAL_RATE".equals(alert.kind()) ? "approval rate" : "score mix"),
                new Span(alert.summary()), since);
        line.addClassName("drift-alert");
        line.getElement().setAttribute("data-market", alert.market());
        line.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "var(--lumo-space-s)").set("margin-top", "var(--lumo-space-xs)");
        return line;
    }
}

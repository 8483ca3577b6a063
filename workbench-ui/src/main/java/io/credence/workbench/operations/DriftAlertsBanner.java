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
import io.credence.workbench.i18n.Words;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The active drift alerts, above the overview's market cards; hidden while there are none. Read
 * each time the page is shown, from the same service as GET /api/v1/drift, so the workbench and
 * the API never disagree. Styled inline so it needs nothing from the shared stylesheet.
 */
public class DriftAlertsBanner extends Composite<Div> {

    private static final String APPROVAL_RATE = "APPROVAL_RATE";
    private static final String SCORE_PSI = "SCORE_PSI";
    private static final String GINI = "GINI";

    private final DriftMonitor drift;
    private final Display display = Display.current();

    DriftAlertsBanner(DriftMonitor drift) {
        this.drift = drift;
        Div banner = getContent();
        banner.setId("drift-alerts");
        banner.setWidthFull();
        banner.getStyle()
                .set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-error-color-10pct)")
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
        Span title = new Span(
                VaadinIcon.WARNING.create(),
                new Span(" "
                        + (alerts.size() == 1
                                ? getTranslation("operations.drift.title.one")
                                : getTranslation("operations.drift.title.many", display.number(alerts.size())))));
        title.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        banner.add(title);
        for (DriftAlert alert : alerts) banner.add(line(alert));
        Paragraph how = new Paragraph(getTranslation("operations.drift.how"));
        how.getStyle()
                .set("margin", "var(--lumo-space-xs) 0 0")
                .set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        banner.add(how);
    }

    private Div line(DriftAlert alert) {
        Span since = new Span(getTranslation("operations.drift.since", display.dateTime(alert.raisedAt())));
        since.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "nowrap");
        Div line = new Div(
                Badges.warning(getTranslation(
                        switch (alert.kind()) {
                            case APPROVAL_RATE -> "operations.drift.kind.approval-rate";
                            case GINI -> "operations.drift.kind.gini";
                            default -> "operations.drift.kind.score-mix";
                        })),
                new Span(summary(alert, display, Words.current())),
                since);
        line.addClassName("drift-alert");
        line.getElement().setAttribute("data-market", alert.market());
        line.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-xs)");
        return line;
    }

    /**
     * The alert in the reader's words and number format. The engine's own summary is English with
     * fixed formatting (it also goes to the log and audit trail); it stays for a kind this does not know.
     */
    static String summary(DriftAlert alert, Display display, Words texts) {
        if (APPROVAL_RATE.equals(alert.kind()) && alert.currentValue() != null && alert.baselineValue() != null) {
            return texts.translate(
                    "operations.drift.summary.approval-rate",
                    alert.market(),
                    display.percent(alert.currentValue()),
                    display.percent(alert.baselineValue()),
                    decimals(display, alert.measure() * 100, 1, true),
                    decimals(display, alert.limit() * 100, 1, false));
        }
        if (SCORE_PSI.equals(alert.kind())) {
            return texts.translate(
                    "operations.drift.summary.score-psi",
                    alert.market(),
                    decimals(display, alert.measure(), 3, false),
                    decimals(display, alert.limit(), 2, false));
        }
        if (GINI.equals(alert.kind()) && alert.currentValue() != null && alert.baselineValue() != null) {
            return texts.translate(
                    "operations.drift.summary.gini",
                    alert.market(),
                    decimals(display, alert.currentValue() * 100, 1, false),
                    alert.windowStart().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    decimals(display, alert.baselineValue() * 100, 1, false),
                    decimals(display, alert.measure() * 100, 1, true),
                    decimals(display, alert.limit() * 100, 1, false));
        }
        return alert.summary();
    }

    private static String decimals(Display display, double value, int digits, boolean signed) {
        NumberFormat format = NumberFormat.getNumberInstance(display.locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        String text = format.format(value);
        return signed && value >= 0 ? "+" + text : text;
    }
}

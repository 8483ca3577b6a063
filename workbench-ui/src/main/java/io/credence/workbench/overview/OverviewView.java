package io.credence.workbench.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.ComponentTexts;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;

/** Where everyone lands: every market's champion and how its decisions went today or over a chosen period. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class OverviewView extends VerticalLayout implements TranslatedTitle {

    private final MarketOverviews overviews;
    private final Display display = Display.current();
    private final Paragraph asOf = new Paragraph();
    private final Div emptyState = new Div();
    private final Div cards = new Div();
    private final Select<Period.Choice> period = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();

    OverviewView(MarketOverviews overviews) {
        this.overviews = overviews;
        addClassName("page");
        add(header(), emptyState, cards);
        addComponentAtIndex(1, io.credence.workbench.operations.DriftAlertsBanner.create());
        refresh();
    }

    @Override
    public String heading() {
        return getTranslation("overview.title");
    }

    private Component header() {
        asOf.addClassName("page-intro");
        Button refresh =
                new Button(getTranslation("overview.refresh"), VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        refresh.setId("refresh-overview");
        HorizontalLayout controls = new HorizontalLayout(periodChoice(), from, to, refresh);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout header = new HorizontalLayout(asOf, controls);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        return header;
    }

    private Component periodChoice() {
        period.setLabel(getTranslation("overview.period"));
        period.setItems(Period.Choice.values());
        period.setItemLabelGenerator(choice -> getTranslation("overview.period." + choice.name()));
        period.setValue(Period.Choice.TODAY);
        period.setId("overview-period");
        from.setLabel(getTranslation("overview.period.from"));
        to.setLabel(getTranslation("overview.period.to"));
        from.setId("overview-from");
        to.setId("overview-to");
        ComponentTexts.localise(from, display.locale());
        ComponentTexts.localise(to, display.locale());
        LocalDate today = LocalDate.ofInstant(overviews.now(), display.zone());
        from.setValue(today.minusDays(6));
        to.setValue(today);
        from.setMax(today);
        to.setMax(today);
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue() == null ? today : e.getValue()));
        showDates();
        period.addValueChangeListener(e -> {
            showDates();
            refresh();
        });
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        return period;
    }

    private void showDates() {
        boolean custom = period.getValue() == Period.Choice.CUSTOM;
        from.setVisible(custom);
        to.setVisible(custom);
    }

    /** The chosen period; a custom one counts whole days in the viewer's zone, the last one included. */
    private Period chosen() {
        return switch (period.getValue()) {
            case LAST_7_DAYS -> overviews.lastDays(7);
            case LAST_30_DAYS -> overviews.lastDays(30);
            case CUSTOM ->
                from.getValue() == null
                                || to.getValue() == null
                                || to.getValue().isBefore(from.getValue())
                        ? null
                        : new Period(display.startOf(from.getValue()), display.endOf(to.getValue()));
            case TODAY -> overviews.today();
        };
    }

    private void refresh() {
        Period shown = chosen();
        if (shown == null) return;
        List<MarketOverview> markets = overviews.over(shown);
        asOf.setText(
                period.getValue() == Period.Choice.TODAY
                        ? getTranslation("overview.as-of", display.dateTime(shown.from()), display.dateTime(shown.to()))
                        : getTranslation(
                                "overview.over", display.dateTime(shown.from()), display.dateTime(shown.to())));
        asOf.setId("overview-as-of");
        showEmptyState(markets.stream().noneMatch(MarketOverview::hasDecisions));
        cards.removeAll();
        cards.addClassName("market-cards");
        markets.forEach(market -> cards.add(new MarketCard(market, display)));
    }

    private void showEmptyState(boolean empty) {
        emptyState.setVisible(empty);
        emptyState.removeAll();
        emptyState.setId("overview-empty");
        emptyState.addClassName("empty-state");
        emptyState.add(new Paragraph(
                getTranslation(period.getValue() == Period.Choice.TODAY ? "overview.empty" : "overview.empty-period")));
    }
}

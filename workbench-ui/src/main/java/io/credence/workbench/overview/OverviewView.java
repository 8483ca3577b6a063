package io.credence.workbench.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;

/** Where everyone lands: every market's champion and how today's decisions went. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview")
@PermitAll
public class OverviewView extends VerticalLayout {

    private final MarketOverviews overviews;
    private final Display display = Display.current();
    private final Paragraph asOf = new Paragraph();
    private final Div emptyState = new Div();
    private final Div cards = new Div();

    OverviewView(MarketOverviews overviews) {
        this.overviews = overviews;
        addClassName("page");
        add(header(), emptyState, cards);
        addComponentAtIndex(1, io.credence.workbench.operations.DriftAlertsBanner.create());
        refresh();
    }

    private Component header() {
        asOf.addClassName("page-intro");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        refresh.setId("refresh-overview");
        HorizontalLayout header = new HorizontalLayout(asOf, refresh);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        return header;
    }

    private void refresh() {
        List<MarketOverview> markets = overviews.today();
        asOf.setText("Today's decisions since " + display.dateTime(overviews.startOfToday())
                + " (midnight UTC), as of " + display.dateTime(Instant.now()) + ".");
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
        emptyState.add(new Paragraph("No decisions yet today. Loan systems send applications to "
                + "POST /api/v1/decisions with their API key; today's figures appear here as they arrive."));
    }
}

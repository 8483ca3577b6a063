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
import com.vaadin.flow.router.Route;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Where everyone lands: every market's champion and how today's decisions went. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class OverviewView extends VerticalLayout implements TranslatedTitle {

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

    @Override
    public String heading() {
        return getTranslation("overview.title");
    }

    private Component header() {
        asOf.addClassName("page-intro");
        Button refresh = new Button(getTranslation("overview.refresh"), VaadinIcon.REFRESH.create(), click -> refresh());
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
        asOf.setText(getTranslation("overview.as-of", display.dateTime(overviews.startOfToday()),
                display.dateTime(overviews.now())));
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
        emptyState.add(new Paragraph(getTranslation("overview.empty")));
    }
}

package io.credence.workbench.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.decision.MarketActivity;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;
import io.credence.workbench.format.MarketNames;

/** One market's card: its champion, its experiment, and today's decisions and engine time. */
class MarketCard extends Composite<Card> {

    MarketCard(MarketOverview market, Display display) {
        Card card = getContent();
        card.addThemeVariants(CardVariant.OUTLINED);
        card.addClassName("market-card");
        card.getElement().setAttribute("data-market", market.market());
        card.setTitle(market.market() + " · " + MarketNames.country(market.market()));
        card.setSubtitle(market.currency() == null ? "Nothing deployed" : market.currency());
        card.setHeaderSuffix(market.championVersion() == null ? Badges.bad("no champion")
                : Badges.good("v" + market.championVersion() + " serving"));
        card.add(policy(market), kpis(market.today(), display));
        card.addToFooter(new Anchor("markets/" + market.market(), "Versions"),
                new Anchor("decisions?market=" + market.market(), "Decisions"));
    }

    private static Component policy(MarketOverview market) {
        Span digest = new Span(Display.shortDigest(market.championDigest()));
        digest.addClassName("mono");
        digest.getElement().setAttribute("title", market.championDigest() == null ? "" : market.championDigest());
        return new Facts()
                .add("Champion", market.championVersion() == null ? "—" : "v" + market.championVersion())
                .add("Digest", digest)
                .add("Experiment", market.experiment() == null ? "—" : market.experiment());
    }

    private static Component kpis(MarketActivity today, Display display) {
        boolean any = today.decisions() > 0;
        Div kpis = new Div(
                kpi("Decisions", display.number(today.decisions()), "decisions"),
                kpi("Approved", any ? display.percent(today.approvalRate()) : "—", "approval-rate"),
                kpi("Declined", any ? display.percent(today.declineRate()) : "—", "decline-rate"),
                kpi("Referred", any ? display.percent(today.referRate()) : "—", "refer-rate"),
                kpi("Mean time", any ? display.micros(today.meanMicros()) : "—", "mean-latency"),
                kpi("p95 time", any ? display.micros(today.p95Micros()) : "—", "p95-latency"));
        kpis.addClassName("kpis");
        return kpis;
    }

    private static Component kpi(String label, String value, String name) {
        Span caption = new Span(label);
        caption.addClassName("kpi-label");
        Span figure = new Span(value);
        figure.addClassName("kpi-value");
        Div kpi = new Div(caption, figure);
        kpi.addClassName("kpi");
        kpi.getElement().setAttribute("data-kpi", name);
        return kpi;
    }
}

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
        card.setSubtitle(market.currency() == null ? getTranslation("overview.nothing-deployed") : market.currency());
        card.setHeaderSuffix(
                market.championVersion() == null
                        ? Badges.bad(getTranslation("overview.no-champion"))
                        : Badges.good(getTranslation("overview.serving", "v" + market.championVersion())));
        card.add(policy(market), kpis(market.today(), display));
        card.addToFooter(
                new Anchor("markets/" + market.market(), getTranslation("overview.versions")),
                new Anchor("decisions?market=" + market.market(), getTranslation("overview.decisions")));
    }

    private Component policy(MarketOverview market) {
        Span digest = new Span(Display.shortDigest(market.championDigest()));
        digest.addClassName("mono");
        digest.getElement().setAttribute("title", market.championDigest() == null ? "" : market.championDigest());
        return new Facts()
                .add(
                        getTranslation("overview.champion"),
                        market.championVersion() == null ? "—" : "v" + market.championVersion())
                .add(getTranslation("overview.digest"), digest)
                .add(getTranslation("overview.experiment"), market.experiment() == null ? "—" : market.experiment());
    }

    private Component kpis(MarketActivity today, Display display) {
        boolean any = today.decisions() > 0;
        Div kpis = new Div(
                kpi(getTranslation("overview.decisions"), display.number(today.decisions()), "decisions"),
                kpi(
                        getTranslation("overview.approved"),
                        any ? display.percent(today.approvalRate()) : "—",
                        "approval-rate"),
                kpi(
                        getTranslation("overview.declined"),
                        any ? display.percent(today.declineRate()) : "—",
                        "decline-rate"),
                kpi(getTranslation("overview.referred"), any ? display.percent(today.referRate()) : "—", "refer-rate"),
                kpi(
                        getTranslation("overview.mean-time"),
                        any ? display.micros(today.meanMicros()) : "—",
                        "mean-latency"),
                kpi(getTranslation("overview.p95-time"), any ? display.micros(today.p95Micros()) : "—", "p95-latency"));
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

package io.credence.workbench.layout;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * The market and version a person last opened in the editor, for the screens reached from the
 * navigation without one (backtests), so that they start where the person was working.
 */
public final class RecentMarket {

    private static final String MARKET = "credence.recent-market";
    private static final String VERSION = "credence.recent-version";

    private RecentMarket() {}

    public static void remember(String market, Integer version) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || market == null || market.isBlank()) return;
        session.setAttribute(MARKET, market);
        session.setAttribute(VERSION, version);
    }

    public static Optional<String> recall() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(MARKET));
    }

    public static Optional<Integer> recallVersion() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((Integer) session.getAttribute(VERSION));
    }
}

package io.credence.workbench.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import io.credence.policy.PolicyService;
import io.credence.security.Role;
import io.credence.workbench.format.MarketNames;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The frame around every workbench page: the navigation, showing each role what it works with,
 * the page's title and who is signed in. Pages join it with {@code @Route(layout = MainLayout.class)}
 * and name themselves with {@code @PageTitle} (or {@code HasDynamicTitle}).
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 title = new H1();
    private final CurrentUser user;
    private final PolicyService policies;

    MainLayout(CurrentUser user, PolicyService policies) {
        this.user = user;
        this.policies = policies;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), title(), account());
    }

    private Component brand() {
        Span name = new Span("Credence");
        name.addClassName("brand-name");
        Span tagline = new Span("Credit policy workbench");
        tagline.addClassName("brand-tagline");
        Div brand = new Div(name, tagline);
        brand.addClassName("brand");
        return brand;
    }

    private Component navigation() {
        Div sections = new Div(main(), markets());
        if (user.isSignedIn() && user.isAdmin()) sections.add(administration());
        sections.addClassName("navigation");
        return sections;
    }

    private SideNav main() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", "", VaadinIcon.DASHBOARD.create()));
        if (user.isSignedIn() && user.has(Role.REVIEWER)) nav.addItem(nested("Reviews", "reviews", VaadinIcon.CHECK_SQUARE_O));
        nav.addItem(nested("Decisions", "decisions", VaadinIcon.SEARCH));
        nav.addItem(nested("Experiments", "experiments", VaadinIcon.SPLIT));
        nav.addItem(nested("Backtests", "backtests", VaadinIcon.CHART));
        nav.addItem(nested("Audit trail", "audit", VaadinIcon.RECORDS));
        return nav;
    }

    private SideNav markets() {
        SideNav nav = new SideNav("Markets");
        nav.setCollapsible(true);
        if (user.isSignedIn()) {
            for (String market : policies.markets()) {
                nav.addItem(nested(market + " · " + MarketNames.country(market), "markets/" + market, VaadinIcon.GLOBE_WIRE));
            }
        }
        return nav;
    }

    private SideNav administration() {
        SideNav nav = new SideNav("Administration");
        nav.setCollapsible(true);
        nav.addItem(nested("Deployments", "admin/deployments", VaadinIcon.ROCKET),
                nested("Fraud lists", "admin/fraud-lists", VaadinIcon.BAN),
                nested("API keys", "admin/api-keys", VaadinIcon.KEY),
                nested("Users", "admin/users", VaadinIcon.USERS));
        return nav;
    }

    private static SideNavItem nested(String label, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(label, path, icon.create());
        item.setMatchNested(true);
        return item;
    }

    private Component title() {
        title.addClassName("view-title");
        return title;
    }

    private Component account() {
        Div account = new Div();
        account.addClassName("account");
        if (!user.isSignedIn()) return account;
        Span name = new Span(user.name());
        name.addClassName("account-name");
        name.setId("current-user");
        Span roles = new Span(user.roles().stream().map(MainLayout::roleName).collect(Collectors.joining(", ")));
        roles.addClassName("account-roles");
        roles.setId("current-roles");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> user.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        logout.setId("logout");
        account.add(new Div(name, roles), logout);
        return account;
    }

    static String roleName(Role role) {
        String name = role.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        title.setText(pageTitle(getContent()));
    }

    private static String pageTitle(Component page) {
        if (page instanceof HasDynamicTitle dynamic) return dynamic.getPageTitle();
        if (page == null) return "";
        PageTitle annotation = page.getClass().getAnnotation(PageTitle.class);
        return annotation == null ? "" : annotation.value().replace(" · Credence", "");
    }
}

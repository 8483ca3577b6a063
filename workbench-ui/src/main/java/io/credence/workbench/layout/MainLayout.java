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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import io.credence.policy.PolicyService;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import io.credence.workbench.format.MarketNames;
import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.LanguageSelection;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The frame around every workbench page: the navigation, showing each role what it works with,
 * the page's title and who is signed in. Pages join it with {@code @Route(layout = MainLayout.class)}
 * and name themselves with {@link TranslatedTitle}.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 title = new H1();
    private final Span pendingReviews = new Span();
    private final CurrentUser user;
    private final PolicyService policies;
    private final LanguageSelection languageSelection;

    MainLayout(CurrentUser user, PolicyService policies, LanguageSelection languageSelection) {
        this.user = user;
        this.policies = policies;
        this.languageSelection = languageSelection;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), title(), account());
    }

    private Component brand() {
        Span name = new Span("Credence");
        name.addClassName("brand-name");
        Span tagline = new Span(getTranslation("layout.tagline"));
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
        nav.addItem(new SideNavItem(getTranslation("layout.nav.overview"), "", VaadinIcon.DASHBOARD.create()));
        if (user.isSignedIn() && user.has(Role.REVIEWER)) {
            SideNavItem reviews = nested(getTranslation("layout.nav.reviews"), "reviews", VaadinIcon.CHECK_SQUARE_O);
            pendingReviews.setId("pending-reviews");
            pendingReviews.addClassName("nav-count");
            reviews.setSuffixComponent(pendingReviews);
            nav.addItem(reviews);
            showPendingReviews();
        }
        nav.addItem(nested(getTranslation("layout.nav.decisions"), "decisions", VaadinIcon.SEARCH));
        nav.addItem(nested(getTranslation("layout.nav.experiments"), "experiments", VaadinIcon.SPLIT));
        nav.addItem(nested(getTranslation("layout.nav.backtests"), "backtests", VaadinIcon.CHART));
        nav.addItem(nested(getTranslation("layout.nav.performance"), "performance", VaadinIcon.TRENDING_DOWN));
        nav.addItem(nested(getTranslation("layout.nav.audit"), "audit", VaadinIcon.RECORDS));
        return nav;
    }

    private SideNav markets() {
        SideNav nav = new SideNav(getTranslation("layout.nav.markets"));
        nav.setCollapsible(true);
        if (user.isSignedIn()) {
            for (String market : policies.markets()) {
                nav.addItem(nested(
                        market + " · " + MarketNames.country(market), "markets/" + market, VaadinIcon.GLOBE_WIRE));
            }
        }
        return nav;
    }

    private SideNav administration() {
        SideNav nav = new SideNav(getTranslation("layout.nav.administration"));
        nav.setCollapsible(true);
        nav.addItem(
                nested(getTranslation("layout.nav.deployments"), "admin/deployments", VaadinIcon.ROCKET),
                nested(getTranslation("layout.nav.fraud-lists"), "admin/fraud-lists", VaadinIcon.BAN),
                nested(getTranslation("layout.nav.api-keys"), "admin/api-keys", VaadinIcon.KEY),
                nested(getTranslation("layout.nav.users"), "admin/users", VaadinIcon.USERS));
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
        Span roles = new Span(user.roles().stream()
                .map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(getTranslation("layout.list-separator"))));
        roles.addClassName("account-roles");
        roles.setId("current-roles");
        Button logout =
                new Button(getTranslation("layout.log-out"), VaadinIcon.SIGN_OUT.create(), click -> user.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        logout.setId("logout");
        account.add(new Div(name, roles), languages(), logout);
        return account;
    }

    private Component languages() {
        Select<Language> select = new Select<>();
        select.setItems(Language.values());
        select.setItemLabelGenerator(Language::nativeName);
        select.setValue(LanguageSelection.current());
        select.setPrefixComponent(VaadinIcon.GLOBE.create());
        select.setAriaLabel(getTranslation("layout.language"));
        select.setTooltipText(getTranslation("layout.language"));
        select.setId("language");
        select.addClassName("language-select");
        select.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) languageSelection.choose(change.getValue());
        });
        return select;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        title.setText(pageTitle(getContent()));
        // Counted again on every page: a review decided or submitted elsewhere changes it.
        if (pendingReviews.getParent().isPresent()) showPendingReviews();
    }

    private void showPendingReviews() {
        int pending = policies.listByStatus(VersionStatus.IN_REVIEW).size();
        pendingReviews.setText(Integer.toString(pending));
        pendingReviews.setVisible(pending > 0);
        pendingReviews.getElement().setAttribute("aria-label", getTranslation("layout.nav.reviews.pending", pending));
        pendingReviews.setTitle(getTranslation("layout.nav.reviews.pending", pending));
    }

    private static String pageTitle(Component page) {
        if (page instanceof TranslatedTitle translated) return translated.heading();
        if (page instanceof HasDynamicTitle dynamic) return dynamic.getPageTitle();
        if (page == null) return "";
        PageTitle annotation = page.getClass().getAnnotation(PageTitle.class);
        return annotation == null ? "" : annotation.value().replace(" · Credence", "");
    }
}

package io.credence.workbench.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;
import io.credence.policy.PolicyService;
import io.credence.security.ApiKey;
import io.credence.security.ApiKeys;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Keys loan systems decide with: issue one (shown once) for some markets or all, until a day or for good;
 * see when each was last used and whether it expired; change its markets and expiry; revoke.
 */
@Route(value = "admin/api-keys", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class ApiKeysView extends VerticalLayout implements TranslatedTitle {

    /** As {@link ApiKeys} allows. */
    static final int NAME_MAX = 100;

    private final ApiKeys keys;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final List<String> knownMarkets;
    private final TextField name = new TextField();
    private final ApiKeyLimitsForm limits;
    private final Binder<String> binder = new Binder<>();
    private final Grid<ApiKey> grid = new Grid<>();

    ApiKeysView(ApiKeys keys, PolicyService policies, CurrentUser user) {
        this.keys = keys;
        this.user = user;
        this.knownMarkets = policies.markets();
        this.limits = new ApiKeyLimitsForm(knownMarkets, display.locale(), keys.today(), "api-key");
        addClassName("page");
        setSizeFull();
        configureGrid();
        add(createForm(), grid);
        refresh();
    }

    @Override
    public String heading() {
        return getTranslation("admin.api-keys.title");
    }

    private Component createForm() {
        name.setLabel(getTranslation("admin.api-keys.name"));
        name.setId("api-key-name");
        name.setWidth("20em");
        name.setPlaceholder(getTranslation("admin.api-keys.name.placeholder"));
        name.setRequiredIndicatorVisible(true);
        // The binder only validates (the form reads its fields itself); a null setter would make a field read-only.
        binder.forField(name)
                .asRequired(getTranslation("admin.api-keys.name.required"))
                .withValidator(text -> text.trim().length() <= NAME_MAX, getTranslation("admin.too-long", NAME_MAX))
                .bind(text -> text, (unused, value) -> {});
        Button create = new Button(getTranslation("admin.api-keys.create"), VaadinIcon.KEY.create(), click -> create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("create-api-key");
        Div form = new Div(name, limits, create);
        form.addClassName("toolbar");
        return form;
    }

    private void configureGrid() {
        grid.setId("api-keys");
        // Fixed widths and wrapping: widths measured on the first rows cut off a longer name added later.
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(ApiKey::name)
                .setHeader(getTranslation("admin.api-keys.name-column"))
                .setWidth("10rem")
                .setFlexGrow(1)
                .setTooltipGenerator(ApiKey::name);
        grid.addColumn(this::markets)
                .setHeader(getTranslation("admin.api-keys.markets"))
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(k -> k.expiresOn() == null ? getTranslation("admin.api-keys.never-expires") : day(k.expiresOn()))
                .setHeader(getTranslation("admin.api-keys.expires-on"))
                .setWidth("8rem")
                .setFlexGrow(0);
        // Who created a key goes with when: one column fewer leaves the name room at 1440 px.
        grid.addColumn(k ->
                        getTranslation("admin.api-keys.created-value", display.dateTime(k.createdAt()), k.createdBy()))
                .setHeader(getTranslation("common.created"))
                .setWidth("11rem")
                .setFlexGrow(0);
        grid.addColumn(k -> k.lastUsedAt() == null
                        ? getTranslation("admin.api-keys.never-used")
                        : display.dateTime(k.lastUsedAt()))
                .setHeader(getTranslation("admin.api-keys.last-used"))
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::status)
                .setHeader(getTranslation("common.status"))
                .setWidth("11rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setWidth("11rem").setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.api-keys.empty"));
    }

    private String markets(ApiKey key) {
        return key.markets().isEmpty()
                ? getTranslation("admin.api-keys.every-market")
                : String.join(", ", key.markets());
    }

    private Component status(ApiKey key) {
        if (key.revokedAt() != null) {
            return Badges.neutral(getTranslation("admin.api-keys.revoked-at", display.dateTime(key.revokedAt())));
        }
        if (key.expiredOn(keys.today())) {
            return Badges.bad(getTranslation("admin.api-keys.expired", day(key.expiresOn())));
        }
        return Badges.good(getTranslation("admin.api-keys.active"));
    }

    private String day(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(display.locale())
                .format(day);
    }

    private Component actions(ApiKey key) {
        Button edit = new Button(
                getTranslation("admin.api-keys.edit"),
                VaadinIcon.EDIT.create(),
                click -> new ApiKeyLimitsDialog(
                                key, knownMarkets, display.locale(), keys.today(), chosen -> limit(key, chosen))
                        .open());
        edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        edit.setTooltipText(getTranslation("admin.api-keys.edit.tooltip"));
        edit.getElement().setAttribute("data-edit-key", key.name());
        edit.setVisible(key.revokedAt() == null);
        Div actions = new Div(edit, revokeButton(key));
        actions.addClassName("row-actions");
        return actions;
    }

    private void limit(ApiKey key, ApiKeyLimitsDialog.Limits chosen) {
        keys.limit(user.name(), key.id(), chosen.markets(), chosen.expiresOn());
        Notices.success(getTranslation("admin.api-keys.limited", key.name()));
        refresh();
    }

    private Component revokeButton(ApiKey key) {
        Button revoke = new Button(
                getTranslation("admin.api-keys.revoke"),
                VaadinIcon.BAN.create(),
                click -> Confirmations.askDestructive(
                        getTranslation("admin.api-keys.revoke.question", key.name()),
                        getTranslation("admin.api-keys.revoke.consequence"),
                        getTranslation("admin.api-keys.revoke"),
                        () -> revoke(key)));
        revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        revoke.setVisible(key.revokedAt() == null);
        return revoke;
    }

    private void create() {
        if (!binder.validate().isOk() || !limits.valid()) return;
        var issued = keys.create(user.name(), name.getValue().trim(), limits.markets(), limits.expiresOn());
        binder.readBean(null);
        limits.clear();
        refresh();
        ApiKey key = issued.apiKey();
        new IssuedKeyDialog(
                        issued,
                        markets(key),
                        key.expiresOn() == null
                                ? getTranslation("admin.issued-key.no-expiry")
                                : getTranslation("admin.issued-key.expires", day(key.expiresOn())))
                .open();
    }

    private void revoke(ApiKey key) {
        keys.revoke(user.name(), key.id());
        Notices.success(getTranslation("admin.api-keys.revoked", key.name()));
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }
}

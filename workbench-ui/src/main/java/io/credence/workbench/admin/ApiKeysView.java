package io.credence.workbench.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.credence.security.ApiKey;
import io.credence.security.ApiKeys;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** Keys loan systems decide with: issue one (shown once), see when each was last used, revoke. */
@Route(value = "admin/api-keys", layout = MainLayout.class)
@PageTitle("API keys")
@RolesAllowed("ADMIN")
public class ApiKeysView extends VerticalLayout {

    private final ApiKeys keys;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final TextField name = new TextField("Name of the loan system");
    private final Grid<ApiKey> grid = new Grid<>();

    ApiKeysView(ApiKeys keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
        addClassName("page");
        setSizeFull();
        configureGrid();
        add(createForm(), grid);
        refresh();
    }

    private Component createForm() {
        name.setId("api-key-name");
        name.setWidth("20em");
        name.setPlaceholder("e.g. loan-origination-prod");
        Button create = new Button("Create key", VaadinIcon.KEY.create(), click -> create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("create-api-key");
        Div form = new Div(name, create);
        form.addClassName("toolbar");
        return form;
    }

    private void configureGrid() {
        grid.setId("api-keys");
        grid.addColumn(ApiKey::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(ApiKey::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(k -> display.dateTime(k.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? "never" : display.dateTime(k.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(k -> k.revokedAt() == null ? Badges.good("active")
                : Badges.neutral("revoked " + display.dateTime(k.revokedAt()))).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
    }

    private Component revokeButton(ApiKey key) {
        Button revoke = new Button("Revoke", VaadinIcon.BAN.create(), click -> Confirmations.askDestructive(
                "Revoke \"" + key.name() + "\"?", "Loan systems using this key get 401 from their next call.",
                "Revoke", () -> revoke(key)));
        revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        revoke.setVisible(key.revokedAt() == null);
        return revoke;
    }

    private void create() {
        var issued = keys.create(user.name(), name.getValue().trim());
        name.clear();
        refresh();
        new IssuedKeyDialog(issued).open();
    }

    private void revoke(ApiKey key) {
        keys.revoke(user.name(), key.id());
        Notices.success("\"" + key.name() + "\" is revoked.");
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }
}

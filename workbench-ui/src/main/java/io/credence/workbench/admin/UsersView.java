package io.credence.workbench.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.credence.security.Role;
import io.credence.security.UserAccount;
import io.credence.security.UserAccounts;
import io.credence.security.UserRoles;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Who may sign in to the workbench, with which roles. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final UserAccounts users;
    private final UserRoles userRoles;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final UserForm form = new UserForm(this::save);
    private final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserAccounts users, UserRoles userRoles, CurrentUser user) {
        this.users = users;
        this.userRoles = userRoles;
        this.user = user;
        addClassName("page");
        setSizeFull();
        configureGrid();
        Paragraph intro = new Paragraph("Select a user to change their roles; leave the password empty to keep it. "
                + "Passwords have at least 12 characters; user names are lower-case letters, digits, '.', '_' or '-'. "
                + "The author of a version can never approve it, whatever roles they hold.");
        intro.addClassName("page-intro");
        add(intro, form, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("users");
        grid.addColumn(UserAccount::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(u -> u.enabled() ? Badges.good("enabled") : Badges.neutral("disabled"))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> display.dateTime(u.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::toggleButton).setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) form.edit(selected.getValue());
        });
    }

    private Component toggleButton(UserAccount account) {
        boolean enable = !account.enabled();
        Button toggle = new Button(enable ? "Enable" : "Disable", click -> {
            if (enable) setEnabled(account, true);
            else Confirmations.askDestructive("Disable " + account.username() + "?",
                    "They can no longer sign in; their history stays.", "Disable", () -> setEnabled(account, false));
        });
        toggle.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        if (!enable) toggle.addThemeVariants(ButtonVariant.ERROR);
        // An admin who disables themselves locks the door behind them.
        toggle.setEnabled(enable || !account.username().equals(user.name()));
        return toggle;
    }

    private void save(UserForm.Submitted submitted) {
        boolean keepPassword = submitted.password().isEmpty() && exists(submitted.username());
        if (keepPassword) userRoles.change(user.name(), submitted.username(), submitted.roles());
        else users.save(user.name(), submitted.username(), submitted.password(), submitted.roles());
        Notices.success(submitted.username() + " saved.");
        form.edit(null);
        refresh();
    }

    private void setEnabled(UserAccount account, boolean enabled) {
        users.setEnabled(user.name(), account.username(), enabled);
        Notices.success(account.username() + (enabled ? " may sign in again." : " can no longer sign in."));
        refresh();
    }

    private boolean exists(String username) {
        return users.list().stream().anyMatch(account -> account.username().equals(username));
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}

package io.credence.workbench.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import io.credence.security.UserAccount;
import io.credence.security.UserAccounts;
import io.credence.security.UserChange;
import io.credence.security.UserChanges;
import io.credence.security.UserRoles;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Who may sign in to the workbench, with which roles. */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements TranslatedTitle {

    private final UserAccounts users;
    private final UserRoles userRoles;
    private final UserChanges changes;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final UserForm form = new UserForm(this::exists, this::save);
    private final Grid<UserAccount> grid = new Grid<>();
    /** Role grants and password resets another admin proposed: they apply once a second admin approves. */
    private final Grid<UserChange> pending = new Grid<>();

    UsersView(UserAccounts users, UserRoles userRoles, UserChanges changes, CurrentUser user) {
        this.users = users;
        this.userRoles = userRoles;
        this.changes = changes;
        this.user = user;
        addClassName("page");
        setSizeFull();
        configureGrid();
        Paragraph intro = new Paragraph(getTranslation("admin.users.intro", UserForm.PASSWORD_MIN));
        intro.addClassName("page-intro");
        configurePending();
        add(intro, form, new H3(getTranslation("admin.users.pending")), pending, grid);
        refresh();
    }

    @Override
    public String heading() {
        return getTranslation("admin.users.title");
    }

    private void configureGrid() {
        grid.setId("users");
        grid.addColumn(UserAccount::username)
                .setHeader(getTranslation("admin.users.user"))
                .setAutoWidth(true);
        grid.addColumn(this::roles)
                .setHeader(getTranslation("admin.users.roles"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addComponentColumn(u -> u.enabled()
                        ? Badges.good(getTranslation("admin.users.enabled"))
                        : Badges.neutral(getTranslation("admin.users.disabled")))
                .setHeader(getTranslation("common.status"))
                .setAutoWidth(true);
        grid.addColumn(u -> display.dateTime(u.createdAt()))
                .setHeader(getTranslation("common.created"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::toggleButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.users.empty"));
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) form.edit(selected.getValue());
        });
    }

    private void configurePending() {
        pending.setId("pending-user-changes");
        pending.setAllRowsVisible(true);
        pending.addColumn(UserChange::username)
                .setHeader(getTranslation("admin.users.user"))
                .setAutoWidth(true);
        pending.addColumn(c -> c.roles().stream()
                                .sorted()
                                .map(role -> getTranslation("role." + role.name()))
                                .collect(Collectors.joining(getTranslation("layout.list-separator")))
                        + (c.resetsPassword() ? " · " + getTranslation("admin.users.pending.new-password") : ""))
                .setHeader(getTranslation("admin.users.roles"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        pending.addColumn(UserChange::proposedBy)
                .setHeader(getTranslation("admin.users.pending.proposed-by"))
                .setAutoWidth(true);
        pending.addColumn(c -> display.dateTime(c.proposedAt()))
                .setHeader(getTranslation("common.created"))
                .setAutoWidth(true);
        pending.addComponentColumn(this::decisionButtons).setAutoWidth(true).setFlexGrow(0);
        pending.setEmptyStateText(getTranslation("admin.users.pending.empty"));
    }

    private Component decisionButtons(UserChange change) {
        Button approve = new Button(getTranslation("admin.users.pending.approve"), click -> {
            changes.approve(user.name(), change.id());
            Notices.success(getTranslation("admin.users.saved", change.username()));
            refresh();
        });
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        Button reject = new Button(getTranslation("admin.users.pending.reject"), click -> {
            changes.reject(user.name(), change.id());
            refresh();
        });
        reject.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
        // Two admins: the one who proposed it cannot approve it (the service refuses as well).
        boolean own = change.proposedBy().equals(user.name());
        approve.setEnabled(!own);
        if (own) approve.setTooltipText(getTranslation("admin.users.pending.own"));
        return new HorizontalLayout(approve, reject);
    }

    /** In role order (Analyst, Reviewer, Admin), in the reader's language. */
    private String roles(UserAccount account) {
        return account.roles().stream()
                .sorted()
                .map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(getTranslation("layout.list-separator")));
    }

    private Component toggleButton(UserAccount account) {
        boolean enable = !account.enabled();
        Button toggle = new Button(
                enable ? getTranslation("admin.users.enable") : getTranslation("admin.users.disable"), click -> {
                    if (enable) setEnabled(account, true);
                    else
                        Confirmations.askDestructive(
                                getTranslation("admin.users.disable.question", account.username()),
                                getTranslation("admin.users.disable.consequence"),
                                getTranslation("admin.users.disable"),
                                () -> setEnabled(account, false));
                });
        toggle.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        if (!enable) toggle.addThemeVariants(ButtonVariant.ERROR);
        // An admin who disables themselves locks the door behind them.
        toggle.setEnabled(enable || !account.username().equals(user.name()));
        return toggle;
    }

    private void save(UserForm.Submitted submitted) {
        boolean keepPassword = submitted.password().isEmpty() && exists(submitted.username());
        UserAccounts.Saved saved = keepPassword
                ? userRoles.change(user.name(), submitted.username(), submitted.roles())
                : users.save(user.name(), submitted.username(), submitted.password(), submitted.roles());
        Notices.success(
                saved.pending() != null
                        ? getTranslation("admin.users.proposed", submitted.username())
                        : getTranslation("admin.users.saved", submitted.username()));
        form.edit(null);
        refresh();
    }

    private void setEnabled(UserAccount account, boolean enabled) {
        users.setEnabled(user.name(), account.username(), enabled);
        Notices.success(
                enabled
                        ? getTranslation("admin.users.enabled-notice", account.username())
                        : getTranslation("admin.users.disabled-notice", account.username()));
        refresh();
    }

    private boolean exists(String username) {
        return users.list().stream().anyMatch(account -> account.username().equals(username));
    }

    private void refresh() {
        grid.setItems(users.list());
        pending.setItems(changes.pending());
    }
}

package io.credence.workbench.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.credence.security.Role;
import io.credence.security.UserAccount;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/** Creates a user, or gives an existing one new roles (and a new password, if one is typed). */
class UserForm extends Composite<Div> {

    record Submitted(String username, String password, Set<Role> roles) {
    }

    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");

    UserForm(Consumer<Submitted> onSave) {
        username.setId("user-name");
        username.setWidth("14em");
        password.setId("user-password");
        password.setWidth("14em");
        roles.setItems(Role.ANALYST, Role.REVIEWER, Role.ADMIN);
        roles.setItemLabelGenerator(r -> r.name().charAt(0) + r.name().substring(1).toLowerCase());
        roles.setId("user-roles");
        Button save = new Button("Save user", VaadinIcon.CHECK.create(), click -> onSave.accept(
                new Submitted(username.getValue().trim(), password.getValue(), EnumSet.copyOf(
                        roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : roles.getValue()))));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-user");
        Button clear = new Button("New user", click -> edit(null));
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        getContent().addClassName("toolbar");
        getContent().add(username, password, roles, save, clear);
    }

    /** Fills the form from an existing user, or empties it for a new one. */
    void edit(UserAccount account) {
        username.setValue(account == null ? "" : account.username());
        roles.setValue(account == null ? Set.of() : account.roles());
        password.clear();
        (account == null ? username : password).focus();
    }
}

package io.credence.workbench.security;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.credence.security.Role;
import io.credence.security.UserAccount;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Creates a user, or gives an existing one new roles (and a new password, if one is typed). Checked
 * here, with the reader's words, against the rules {@code UserAccounts} enforces.
 */
class UserForm extends Composite<Div> {

    record Submitted(String username, String password, Set<Role> roles) {}

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    static final int PASSWORD_MIN = 12;

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final Binder<Submitted> binder = new Binder<>();

    /** {@code exists} says whether a user name is taken: only an existing user may keep their password. */
    UserForm(Predicate<String> exists, Consumer<Submitted> onSave) {
        username.setLabel(getTranslation("admin.users.username"));
        username.setId("user-name");
        username.setWidth("14em");
        password.setLabel(getTranslation("admin.users.password"));
        password.setId("user-password");
        password.setWidth("14em");
        roles.setLabel(getTranslation("admin.users.roles"));
        roles.setItems(Role.ANALYST, Role.REVIEWER, Role.ADMIN);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setId("user-roles");
        bind(exists);
        Button save = new Button(getTranslation("admin.users.save"), VaadinIcon.CHECK.create(), click -> {
            if (binder.validate().isOk())
                onSave.accept(new Submitted(
                        username.getValue().trim(),
                        password.getValue(),
                        EnumSet.copyOf(roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : roles.getValue())));
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-user");
        Button clear = new Button(getTranslation("admin.users.new"), click -> edit(null));
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        getContent().addClassName("toolbar");
        getContent().add(username, password, roles, save, clear);
    }

    private void bind(Predicate<String> exists) {
        // The binder only validates (the form reads its fields itself); a null setter would make a field read-only.
        binder.forField(username)
                .asRequired(getTranslation("admin.users.username.required"))
                .withValidator(
                        name -> USERNAME.matcher(name.trim()).matches(), getTranslation("admin.users.username.rule"))
                .bind(Submitted::username, (unused, value) -> {});
        binder.forField(password)
                .withValidator(
                        typed -> typed.isEmpty()
                                ? exists.test(username.getValue().trim())
                                : typed.length() >= PASSWORD_MIN,
                        getTranslation("admin.users.password.rule", PASSWORD_MIN))
                .bind(Submitted::password, (unused, value) -> {});
        binder.forField(roles)
                .withValidator(chosen -> !chosen.isEmpty(), getTranslation("admin.users.roles.required"))
                .bind(Submitted::roles, (unused, value) -> {});
    }

    /** Fills the form from an existing user, or empties it for a new one. */
    void edit(UserAccount account) {
        binder.readBean(account == null ? null : new Submitted(account.username(), "", account.roles()));
        (account == null ? username : password).focus();
    }
}

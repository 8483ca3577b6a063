package io.credence.workbench.signin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.LanguageSelection;
import io.credence.workbench.i18n.TranslatedTitle;
import java.util.Locale;

/** The sign-in page. The form posts to Spring Security's form login; a failure comes back as {@code ?error}. */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    private final LoginForm form = new LoginForm(i18n());

    LoginView(LanguageSelection languages) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(brand(), form, languagePicker(languages));
    }

    @Override
    public String heading() {
        return getTranslation("login.title");
    }

    /** Someone who cannot read the browser's language must be able to sign in in their own. */
    private Component languagePicker(LanguageSelection languages) {
        Div picker = new Div();
        picker.addClassName("login-languages");
        for (Language language : Language.values()) {
            Button choose = new Button(language.nativeName(), click -> languages.choose(language));
            choose.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            choose.setId("language-" + language.name().toLowerCase(Locale.ROOT));
            choose.setEnabled(language != LanguageSelection.current());
            picker.add(choose);
        }
        return picker;
    }

    private Div brand() {
        H1 name = new H1("Credence");
        name.addClassName("login-brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");
        Div brand = new Div(name, tagline);
        brand.addClassName("login-header");
        return brand;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.form.title"));
        i18n.getForm().setUsername(getTranslation("login.form.username"));
        i18n.getForm().setPassword(getTranslation("login.form.password"));
        i18n.getForm().setSubmit(getTranslation("login.form.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}

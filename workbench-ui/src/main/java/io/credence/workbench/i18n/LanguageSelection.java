package io.credence.workbench.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.credence.security.UserAccounts;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which language each UI speaks: the one the signed-in user chose, else their browser's. The
 * browser's full locale is kept as well, because an English reader in India still expects
 * 1,50,000 and their own date order.
 */
@Component
public class LanguageSelection implements VaadinServiceInitListener {

    private static final String BROWSER_LOCALE = LanguageSelection.class.getName() + ".browser";

    // Vaadin's own view of the signed-in person, not the workbench's CurrentUser: the security screens
    // speak through this class, so depending back on them would make a cycle.
    private final AuthenticationContext authentication;
    private final UserAccounts accounts;

    LanguageSelection(AuthenticationContext authentication, UserAccounts accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init ->
                        init.getUI().setLocale(languageFor(browserLocale()).locale()));
    }

    /** The language of the current UI. */
    public static Language current() {
        UI ui = UI.getCurrent();
        return Language.of(ui == null ? null : ui.getLocale());
    }

    /**
     * The locale to format numbers and dates in: the browser's own when it speaks the workbench's
     * language (en-IN, en-GB, zh-CN), else just the workbench language.
     */
    public static Locale formattingLocale(Locale uiLocale) {
        VaadinSession session = VaadinSession.getCurrent();
        Object browser = session == null ? null : session.getAttribute(BROWSER_LOCALE);
        if (browser instanceof Locale locale && Language.of(locale) == Language.of(uiLocale)) {
            return locale;
        }
        return uiLocale;
    }

    /** Switches this person to a language, remembering it with their account when signed in. */
    public void choose(Language language) {
        signedIn().ifPresent(name -> accounts.setPreferredLanguage(name, language.locale()));
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(Language.class, language);
        ui.getSession().setLocale(language.locale());
        ui.setLocale(language.locale());
        // Every view builds its texts once; a reload rebuilds them all in the new language.
        ui.getPage().reload();
    }

    private Language languageFor(Locale browser) {
        Optional<Locale> chosen = signedIn().flatMap(accounts::preferredLanguage);
        if (chosen.isPresent()) return Language.of(chosen.get());
        VaadinSession session = VaadinSession.getCurrent();
        // Someone who picked a language on the sign-in page keeps it until they sign in with their own.
        if (session != null && session.getAttribute(Language.class) != null)
            return session.getAttribute(Language.class);
        return Language.of(browser);
    }

    private static Locale browserLocale() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Locale browser = request == null ? null : request.getLocale();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && browser != null) session.setAttribute(BROWSER_LOCALE, browser);
        return browser;
    }

    private Optional<String> signedIn() {
        return authentication.isAuthenticated() ? authentication.getPrincipalName() : Optional.empty();
    }
}

package io.credence.workbench.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import io.credence.workbench.i18n.WorkbenchTranslations;
import java.util.Locale;

/**
 * Workbench texts in one reader's language, for code that words things outside a component: a
 * {@link io.credence.workbench.errors.Problem}, a replay comparison. Tests build it with a fixed
 * locale and read exactly what a person in that language would.
 */
public record Texts(I18NProvider provider, Locale locale) {

    /** The current UI's language; English from the shipped bundles where no UI or service is around. */
    public static Texts current() {
        UI ui = UI.getCurrent();
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider = service == null ? null : service.getInstantiator().getI18NProvider();
        return new Texts(provider == null ? Shipped.TEXTS : provider, ui == null ? Locale.ENGLISH : ui.getLocale());
    }

    /** The shipped bundles in a language, without Vaadin: for tests. */
    public static Texts shipped(Locale locale) {
        return new Texts(Shipped.TEXTS, locale);
    }

    /** The same texts in another language. */
    public Texts in(Locale other) {
        return new Texts(provider, other);
    }

    public String translate(String key, Object... args) {
        return provider.getTranslation(key, locale, args);
    }

    /** Loaded on first use only: a running workbench always has Vaadin's provider. */
    private static final class Shipped {
        static final I18NProvider TEXTS = new WorkbenchTranslations();
    }
}

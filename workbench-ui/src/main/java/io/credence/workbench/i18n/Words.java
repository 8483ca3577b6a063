package io.credence.workbench.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;

/**
 * Workbench texts in one reader's language, for code that puts things in words outside a component:
 * a problem, a replay comparison, edit rights, chart configurations. In the running workbench
 * {@link #current()} is Vaadin's translation for the current UI; tests (and code that knows the
 * reader's locale) take {@link #in(Locale)}, so the wording can be checked without a browser.
 */
@FunctionalInterface
public interface Words {

    String translate(String key, Object... args);

    /** The current UI's language; the shipped English texts where no Vaadin service is running. */
    static Words current() {
        return VaadinService.getCurrent() == null ? in(Locale.ENGLISH) : I18NProvider::translate;
    }

    /** The workbench's texts in one language: the running provider's, else the shipped bundles. */
    static Words in(Locale locale) {
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider =
                service == null ? null : service.getInstantiator().getI18NProvider();
        I18NProvider texts = provider == null ? Shipped.TEXTS : provider;
        return (key, args) -> texts.getTranslation(key, locale, args);
    }

    /** Loaded on first use only: a running workbench always has Vaadin's provider. */
    final class Shipped {
        static final I18NProvider TEXTS = new WorkbenchTranslations();

        private Shipped() {}
    }
}

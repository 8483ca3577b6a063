package io.credence.workbench.experiment;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * The experiment screens' words in the reader's language. In the application it is Vaadin's
 * translation for the current UI; tests pass the bundles of a fixed language, so the pieces that
 * build texts (formats, chart configurations) can be checked without a browser.
 */
@FunctionalInterface
interface Texts {

    String translate(String key, Object... args);

    static Texts current() {
        return I18NProvider::translate;
    }
}

package io.credence.workbench.editor;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Texts in the reader's language for code that is not a component: the rights, error locations and
 * the presenter's messages. In the running workbench {@link #current()} asks Vaadin's provider for
 * the UI's language; a test passes a fixed language instead.
 */
@FunctionalInterface
public interface Words {

    String translate(String key, Object... args);

    static Words current() {
        return I18NProvider::translate;
    }
}

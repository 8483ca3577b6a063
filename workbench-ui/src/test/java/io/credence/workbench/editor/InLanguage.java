package io.credence.workbench.editor;

import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.WorkbenchTranslations;

/** The workbench's own texts in one language, for tests of code that puts things in words. */
public final class InLanguage {

    private static final WorkbenchTranslations TRANSLATIONS = new WorkbenchTranslations();

    public static final Words ENGLISH = of(Language.ENGLISH);
    public static final Words CHINESE = of(Language.CHINESE);

    private InLanguage() {
    }

    public static Words of(Language language) {
        return (key, args) -> TRANSLATIONS.getTranslation(key, language.locale(), args);
    }
}

package io.credence.workbench.policy;

import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.Words;

/** The workbench's own texts in one language, for tests of code that puts things in words. */
public final class InLanguage {

    public static final Words ENGLISH = of(Language.ENGLISH);
    public static final Words CHINESE = of(Language.CHINESE);

    private InLanguage() {}

    public static Words of(Language language) {
        return Words.in(language.locale());
    }
}

package io.credence.workbench.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The languages the workbench speaks, each named in itself so anyone can find their own. */
public enum Language {
    ENGLISH(Locale.ENGLISH, "English"),
    CHINESE(Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The workbench language for any locale: zh-TW, zh-CN and zh all read Chinese; anything else English. */
    public static Language of(Locale locale) {
        if (locale == null) return ENGLISH;
        return Arrays.stream(values())
                .filter(language -> language.locale.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }

    static List<Locale> locales() {
        return Arrays.stream(values()).map(Language::locale).toList();
    }
}

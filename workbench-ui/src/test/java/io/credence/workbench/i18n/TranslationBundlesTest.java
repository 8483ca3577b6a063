package io.credence.workbench.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shipped languages in step, in the spirit of spring-petclinic's i18n sync test: a key
 * added in English and forgotten in Chinese (or the other way round) fails the build, and so does
 * code asking for a key no bundle has.
 */
class TranslationBundlesTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:getTranslation|translate)\\(\\s*\"([^\"]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private final WorkbenchTranslations translations = new WorkbenchTranslations();

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglish() {
        Set<String> english = translations.texts(Language.ENGLISH.locale()).keySet();
        for (Language language : Language.values()) {
            Set<String> keys = translations.texts(language.locale()).keySet();
            assertThat(new TreeSet<>(keys)).as("keys of %s", language).isEqualTo(new TreeSet<>(english));
        }
    }

    @Test
    void everyChineseTextIsItsOwnFileEntryNotAnEnglishFallback() throws IOException {
        for (String bundle : WorkbenchTranslations.bundleNames()) {
            Set<String> english = keysOf(bundle + ".properties");
            Set<String> chinese = keysOf(bundle + "_zh_CN.properties");
            assertThat(chinese).as("i18n/%s_zh_CN.properties", bundle).isEqualTo(english);
        }
    }

    @Test
    void noTextIsBlankAndEveryPatternParses() {
        for (Language language : Language.values()) {
            translations.texts(language.locale()).forEach((key, text) -> {
                assertThat(text).as("%s in %s", key, language).isNotBlank();
                assertThat(new MessageFormat(text, language.locale()))
                        .as("%s in %s", key, language)
                        .isNotNull();
            });
        }
    }

    @Test
    void translationsUseTheSameArgumentsAsEnglish() {
        Map<String, String> english = translations.texts(Language.ENGLISH.locale());
        for (Language language : Language.values()) {
            translations
                    .texts(language.locale())
                    .forEach((key, text) -> assertThat(arguments(text))
                            .as("arguments of %s in %s", key, language)
                            .isEqualTo(arguments(english.get(key))));
        }
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> known = translations.texts(Locale.ENGLISH).keySet();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/")) continue;
                    Matcher keys = KEY_IN_CODE.matcher(code);
                    while (keys.find()) {
                        String key = keys.group(1);
                        // "role." + role.name() asks for a family of keys: at least one must exist.
                        boolean found = key.endsWith(".")
                                ? known.stream().anyMatch(k -> k.startsWith(key))
                                : known.contains(key);
                        if (!found) missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but in no bundle").isEmpty();
    }

    @Test
    void anUnknownKeyIsShownAsSuchRatherThanBlank() {
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    @Test
    void chineseBrowsersOfAnyRegionGetChineseAndEveryoneElseEnglish() {
        assertThat(Language.of(Locale.forLanguageTag("zh-TW"))).isEqualTo(Language.CHINESE);
        assertThat(Language.of(Locale.forLanguageTag("zh"))).isEqualTo(Language.CHINESE);
        assertThat(Language.of(Locale.forLanguageTag("pt-BR"))).isEqualTo(Language.ENGLISH);
        assertThat(Language.of(null)).isEqualTo(Language.ENGLISH);
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(text);
        while (argument.find()) found.add(Integer.parseInt(argument.group(1)));
        return found;
    }

    private static Set<String> keysOf(String file) throws IOException {
        var properties = new java.util.Properties();
        try (var in = TranslationBundlesTest.class.getClassLoader().getResourceAsStream("i18n/" + file)) {
            assertThat(in).as("i18n/%s", file).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}

package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.WorkbenchTranslations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The editor and review screens pass keys through small helpers ({@code fact("editor.trial.score", …)},
 * {@code action("editor.toolbar.save", …)}) that the bundle test's {@code getTranslation("…")} scan
 * does not see; every such key literal must exist too.
 */
class EditorTextsTest {

    private static final Pattern KEY = Pattern.compile("\"((?:editor|review|common|outcome)\\.[a-zA-Z0-9_.-]+)\"");

    @Test
    void every_key_the_editor_and_review_code_names_exists() throws IOException {
        WorkbenchTranslations translations = new WorkbenchTranslations();
        List<String> missing = new ArrayList<>();
        for (String feature : List.of("policy", "review")) {
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/credence/workbench", feature))) {
                for (Path source :
                        sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher key = KEY.matcher(Files.readString(source));
                    while (key.find()) {
                        String name = key.group(1);
                        // A family such as "editor.status." + status.name() is the bundle test's to check.
                        if (name.endsWith(".")) continue;
                        String text = translations.getTranslation(name, Language.ENGLISH.locale());
                        if (text.equals("!" + name + "!")) missing.add(source.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_codemirror_phrase_has_a_translation() {
        WorkbenchTranslations translations = new WorkbenchTranslations();
        for (String name : DrlEditor.PHRASES.values()) {
            String key = "editor.codemirror." + name;
            assertThat(translations.getTranslation(key, Language.CHINESE.locale()))
                    .as(key)
                    .isNotEqualTo("!" + key + "!");
        }
    }
}

package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.i18n.Language;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthoringGuideTest {

    @TempDir
    Path dir;

    @Test
    void prefers_the_guide_packaged_on_the_classpath() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("authoring.md"), "# packaged");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/authoring.md"), "# in the repository");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(new AuthoringGuide(loader, dir).markdown()).contains("# packaged");
        }
    }

    @Test
    void falls_back_to_docs_in_the_working_directory() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/authoring.md"), "# in the repository");
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(new AuthoringGuide(empty, dir).markdown()).contains("# in the repository");
        }
    }

    @Test
    void has_nothing_to_show_when_neither_exists() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(new AuthoringGuide(empty, dir).markdown()).isEmpty();
        }
    }

    @Test
    void chinese_readers_get_the_chinese_edition_and_other_languages_the_english_one() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/authoring.md"), "# Writing credit policy");
        Files.writeString(dir.resolve("docs/authoring.zh-CN.md"), "# 为 Credence 编写授信策略");
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            AuthoringGuide guide = new AuthoringGuide(empty, dir);
            assertThat(guide.markdown(Language.CHINESE)).contains("# 为 Credence 编写授信策略");
            assertThat(guide.markdown(Language.ENGLISH)).contains("# Writing credit policy");
            assertThat(guide.writtenIn(Language.CHINESE)).isTrue();
        }
    }

    @Test
    void the_repositorys_chinese_edition_has_every_section_of_the_english_one() throws IOException {
        Path docs = Path.of("..", "docs");
        long english = Files.readAllLines(docs.resolve("authoring.md")).stream()
                .filter(l -> l.startsWith("#"))
                .count();
        long chinese = Files.readAllLines(docs.resolve("authoring.zh-CN.md")).stream()
                .filter(l -> l.startsWith("#"))
                .count();
        assertThat(chinese)
                .as("headings in docs/authoring.zh-CN.md against docs/authoring.md")
                .isEqualTo(english);
    }
}

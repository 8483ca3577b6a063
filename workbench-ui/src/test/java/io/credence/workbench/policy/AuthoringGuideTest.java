package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
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
}

package io.credence.workbench.policy;

import io.credence.workbench.i18n.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The analysts' guide to the rule vocabulary (docs/authoring.md), shown beside the editor. Read from
 * the classpath resource {@code authoring.md} when the build packages it, else from
 * {@code docs/authoring.md} under the working directory (a run from the repository). Its Chinese
 * edition, docs/authoring.zh-CN.md, is found the same way; a language without one gets English.
 */
@Component
class AuthoringGuide {

    static final String RESOURCE = "authoring.md";
    static final Path IN_REPOSITORY = Path.of("docs", "authoring.md");
    static final String CHINESE_RESOURCE = "authoring.zh-CN.md";
    static final Path CHINESE_IN_REPOSITORY = Path.of("docs", "authoring.zh-CN.md");

    private final String markdown;
    private final String chinese;

    AuthoringGuide() {
        this(AuthoringGuide.class.getClassLoader(), Path.of(""));
    }

    AuthoringGuide(ClassLoader classLoader, Path workingDirectory) {
        this.markdown = fromClasspath(classLoader, RESOURCE)
                .or(() -> fromFile(workingDirectory.resolve(IN_REPOSITORY)))
                .orElse(null);
        this.chinese = fromClasspath(classLoader, CHINESE_RESOURCE)
                .or(() -> fromFile(workingDirectory.resolve(CHINESE_IN_REPOSITORY)))
                .orElse(null);
    }

    /** The guide in {@code language} when it has that edition, else in English. */
    Optional<String> markdown(Language language) {
        return language == Language.CHINESE && chinese != null ? Optional.of(chinese) : markdown();
    }

    /** True when the guide is written in {@code language}. */
    boolean writtenIn(Language language) {
        return language == Language.ENGLISH || (language == Language.CHINESE && chinese != null);
    }

    /** The guide's Markdown, if this build or working directory has it. */
    Optional<String> markdown() {
        return Optional.ofNullable(markdown);
    }

    private static Optional<String> fromClasspath(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the classpath", e);
        }
    }

    private static Optional<String> fromFile(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}

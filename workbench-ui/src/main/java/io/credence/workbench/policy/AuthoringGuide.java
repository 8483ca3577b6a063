package io.credence.workbench.policy;

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
 * {@code docs/authoring.md} under the working directory (a run from the repository).
 */
@Component
class AuthoringGuide {

    static final String RESOURCE = "authoring.md";
    static final Path IN_REPOSITORY = Path.of("docs", "authoring.md");

    private final String markdown;

    AuthoringGuide() {
        this(AuthoringGuide.class.getClassLoader(), Path.of(""));
    }

    AuthoringGuide(ClassLoader classLoader, Path workingDirectory) {
        this.markdown = fromClasspath(classLoader).or(() -> fromFile(workingDirectory.resolve(IN_REPOSITORY)))
                .orElse(null);
    }

    /** The guide's Markdown, if this build or working directory has it. */
    Optional<String> markdown() {
        return Optional.ofNullable(markdown);
    }

    private static Optional<String> fromClasspath(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the classpath", e);
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

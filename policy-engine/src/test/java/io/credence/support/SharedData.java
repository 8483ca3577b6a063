package io.credence.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's third-party test data in {@code shared/data}, which lives beside the repository
 * (here /work/shared next to /work/main; CI clones the repository with shared/ beside it).
 */
public final class SharedData {

    private static final Path DIR = locate();

    private SharedData() {}

    public static Path dir() {
        return DIR;
    }

    public static Path file(String relative) {
        Path file = DIR.resolve(relative);
        if (!Files.isRegularFile(file)) throw new IllegalStateException("missing shared test data " + file);
        return file;
    }

    private static Path locate() {
        String configured = System.getProperty("credence.shared-data");
        if (configured != null) return Path.of(configured).toAbsolutePath();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {
                dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data")
            }) {
                if (Files.isDirectory(candidate.resolve("pmml"))) return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/data beside the repository (looked upwards from "
                + Path.of("").toAbsolutePath() + "); set -Dcredence.shared-data=/path/to/shared/data");
    }
}

package io.credence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public static String text(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of one of the plain CSV files (a header, no quoted commas), by column name; an empty cell is a
     * missing value and so has no entry.
     */
    public static List<Map<String, String>> rows(String relative) {
        List<String> lines =
                text(relative).lines().filter(line -> !line.isBlank()).toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (i < cells.length && !cells[i].isEmpty()) row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
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

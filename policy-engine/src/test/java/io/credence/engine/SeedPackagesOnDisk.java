package io.credence.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reads a seed package from the repository's rules/ and pmml-models/ folders, for plain unit tests. */
public final class SeedPackagesOnDisk {

    private static final Path ROOT = locateRoot();

    private SeedPackagesOnDisk() {}

    public static PolicyPackage load(String market) {
        Map<String, String> artifacts = new TreeMap<>();
        for (String drl : new String[] {
            PolicyPackage.FRAUD,
            PolicyPackage.APPROVAL,
            PolicyPackage.PRICING,
            PolicyPackage.SETTINGS,
            PolicyPackage.REASONS
        }) {
            artifacts.put(drl, read(ROOT.resolve("rules").resolve(market).resolve(drl)));
        }
        artifacts.put(
                PolicyPackage.SCORECARD,
                read(ROOT.resolve("pmml-models").resolve(market).resolve("scorecard.pmml")));
        try (var files = Files.list(ROOT.resolve("rules").resolve(market))) {
            files.filter(file -> DecisionTables.isTable(file.getFileName().toString()))
                    .forEach(table -> artifacts.put(table.getFileName().toString(), read(table)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PolicyPackage.of(market, artifacts);
    }

    public static Path root() {
        return ROOT;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("rules"))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("cannot find the repository's rules/ folder");
        return dir;
    }
}

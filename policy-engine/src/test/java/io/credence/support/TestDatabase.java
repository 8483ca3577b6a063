package io.credence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database and data directory of the one full-stack context a test JVM starts: always fresh, so
 * a run never sees an earlier run's decisions. H2 in the data directory by default; with
 * {@code -Dcredence.it.database=postgresql}, a new database {@code credence_it_<random>} on the
 * local PostgreSQL (trust authentication, user postgres), dropped again when the JVM exits.
 */
final class TestDatabase {

    static final String SELECTOR = "credence.it.database";
    private static final String POSTGRES_SERVER =
            System.getProperty("credence.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String POSTGRES_USER = System.getProperty("credence.it.postgresql.user", "postgres");
    private static final String POSTGRES_ADMIN_DB = System.getProperty("credence.it.postgresql.admin-db", "test");

    private static Map<String, String> properties;

    private TestDatabase() {}

    /** Spring properties pointing the application at this JVM's fresh data directory and database. */
    static synchronized Map<String, String> properties() {
        if (properties == null) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("credence.data-dir", freshDataDir().toString());
            if ("postgresql".equalsIgnoreCase(System.getProperty(SELECTOR, "h2"))) {
                p.put("spring.datasource.url", POSTGRES_SERVER + createPostgresDatabase());
                p.put("spring.datasource.username", POSTGRES_USER);
                p.put("spring.datasource.password", "");
            }
            properties = Map.copyOf(p);
        }
        return properties;
    }

    static boolean isPostgres() {
        return properties().get("spring.datasource.url") != null;
    }

    /** Under target/ when run from the module, so {@code mvn clean} removes it with everything else. */
    private static Path freshDataDir() {
        try {
            Path parent = Files.isDirectory(Path.of("target"))
                    ? Path.of("target", "it-data")
                    : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent.toAbsolutePath(), "credence-it-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the full-stack tests", e);
        }
    }

    private static String createPostgresDatabase() {
        String name =
                "credence_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> dropQuietly(name)));
        return name;
    }

    private static void dropQuietly(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (IllegalStateException e) {
            // The JVM is exiting; a database left behind is named credence_it_* and harmless.
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void execute(String sql) {
        try (Connection connection =
                        DriverManager.getConnection(POSTGRES_SERVER + POSTGRES_ADMIN_DB, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + POSTGRES_SERVER + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}

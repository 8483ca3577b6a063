package io.credence.workbench.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test data in files named after the test class: {@code <TestClass>/<name>} next to it on the classpath. */
final class Fixtures {

    private Fixtures() {}

    static String read(Class<?> test, String name) {
        try (InputStream in = test.getResourceAsStream(test.getSimpleName() + "/" + name)) {
            if (in == null) throw new IllegalArgumentException("No fixture " + test.getSimpleName() + "/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decision request from a fixture, with its {@code {{applicationId}}} filled in. */
    static String application(Class<?> test, String name, String applicationId) {
        return read(test, name).replace("{{applicationId}}", applicationId);
    }
}

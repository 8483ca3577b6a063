package io.credence.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data in files named after the test that reads it, jpmml-evaluator style: the fixture
 * {@code prime-IN.json} of {@code io.credence.decision.DecisionApiIT} is the resource
 * {@code io/credence/decision/DecisionApiIT/prime-IN.json}.
 */
public final class Fixtures {

    private Fixtures() {}

    public static String text(Class<?> test, String name) {
        String resource = test.getSimpleName() + "/" + name;
        try (InputStream in = test.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " next to " + test.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(Class<?> test, String name) {
        return (ObjectNode) Json.read(text(test, name));
    }
}

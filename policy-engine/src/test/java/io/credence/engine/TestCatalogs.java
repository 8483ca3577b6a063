package io.credence.engine;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * For tests about something other than reason messages (the sandbox, faults, backtests): fills every
 * catalog of a package's reasons.json with a placeholder for each code its rules give that has none,
 * so that the test's rules may give codes of their own.
 */
public final class TestCatalogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestCatalogs() {}

    public static Map<String, String> coverEveryCode(Map<String, String> artifacts) {
        Map<String, String> covered = new TreeMap<>(artifacts);
        ObjectNode catalogs = (ObjectNode) JSON.readTree(artifacts.get(PolicyPackage.REASONS));
        for (String code : ReasonCodes.of(artifacts)) {
            catalogs.properties().forEach(locale -> {
                ObjectNode catalog = (ObjectNode) locale.getValue();
                if (!catalog.has(code)) catalog.put(code, "Message for " + code + " in " + locale.getKey() + ".");
            });
        }
        covered.put(PolicyPackage.REASONS, JSON.writeValueAsString(catalogs));
        return covered;
    }
}

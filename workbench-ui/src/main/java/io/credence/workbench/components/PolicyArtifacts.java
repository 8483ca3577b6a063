package io.credence.workbench.components;

import io.credence.engine.PolicyPackage;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every screen that shows a policy package agrees on, whether it edits it or reviews it: the
 * order an analyst reads its artifacts in, and the currency its market.json names.
 */
public final class PolicyArtifacts {

    private static final List<String> READING_ORDER = List.of(
            PolicyPackage.FRAUD,
            PolicyPackage.APPROVAL,
            PolicyPackage.PRICING,
            PolicyPackage.SCORECARD,
            PolicyPackage.REASONS,
            PolicyPackage.SETTINGS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyArtifacts() {}

    /** An artifact's place in the reading order; unknown artifacts sort last. */
    public static int order(String artifact) {
        int index = artifact == null ? -1 : READING_ORDER.indexOf(artifact);
        return index < 0 ? READING_ORDER.size() : index;
    }

    /** The currency a version's market.json names; null when it names none or does not parse (a draft being typed). */
    public static String currencyOf(Map<String, String> artifacts) {
        String settings = artifacts.get(PolicyPackage.SETTINGS);
        if (settings == null) return null;
        try {
            JsonNode currency = JSON.readTree(settings).get("currency");
            return currency == null || !currency.isString() ? null : currency.asString();
        } catch (JacksonException unparsable) {
            return null;
        }
    }
}

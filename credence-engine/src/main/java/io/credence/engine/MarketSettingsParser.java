package io.credence.engine;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads market.json, reporting every missing or out-of-range setting rather than the first. */
final class MarketSettingsParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ArtifactError> errors = new ArrayList<>();

    static MarketSettings parse(String market, String text, List<ArtifactError> errors) {
        return new MarketSettingsParser().read(market, text, errors);
    }

    private MarketSettings read(String market, String text, List<ArtifactError> sink) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            sink.add(new ArtifactError(PolicyPackage.SETTINGS,
                    location == null ? null : location.getLineNr(),
                    location == null ? null : location.getColumnNr(),
                    e.getOriginalMessage()));
            return null;
        }
        if (root == null || !root.isObject()) {
            sink.add(new ArtifactError(PolicyPackage.SETTINGS, 1, 1, "must be a JSON object"));
            return null;
        }
        String code = text(root, "market");
        if (code != null && !code.equals(market)) {
            error("market is " + code + " but this package belongs to market " + market);
        }
        String currency = text(root, "currency");
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                error("currency " + currency + " is not an ISO 4217 code");
            }
        }
        String defaultLocale = text(root, "defaultLocale");
        double minAmount = number(root, "minAmount", 0, Double.MAX_VALUE);
        double maxAmount = number(root, "maxAmount", 0, Double.MAX_VALUE);
        if (maxAmount < minAmount) error("maxAmount must not be below minAmount");
        int minTerm = (int) number(root, "minTermMonths", 1, 600);
        int maxTerm = (int) number(root, "maxTermMonths", 1, 600);
        if (maxTerm < minTerm) error("maxTermMonths must not be below minTermMonths");
        double maxApr = number(root, "maxApr", 0, 10);
        double referenceApr = number(root, "referenceApr", 0, 10);
        int budget = root.has("timeBudgetMillis") ? (int) number(root, "timeBudgetMillis", 1, 10_000) : 50;

        MarketSettings.BureauScale bureau = null;
        JsonNode b = root.get("bureau");
        if (b == null || !b.isObject()) {
            error("bureau is required: {\"name\": …, \"scoreMin\": …, \"scoreMax\": …}");
        } else {
            String name = text(b, "name");
            int min = (int) number(b, "scoreMin", -10_000, 10_000);
            int max = (int) number(b, "scoreMax", -10_000, 10_000);
            if (max <= min) error("bureau.scoreMax must be above bureau.scoreMin");
            bureau = new MarketSettings.BureauScale(name, min, max);
        }

        MarketSettings.Performance performance = MarketSettings.Performance.DEFAULT;
        JsonNode perf = root.get("performance");
        if (perf != null && !perf.isObject()) {
            error("performance must be {\"badDaysPastDue\": …, \"windowMonths\": …}");
        } else if (perf != null) {
            int badDays = perf.has("badDaysPastDue")
                    ? (int) whole(perf, "performance.badDaysPastDue", "badDaysPastDue", 1, 720)
                    : MarketSettings.Performance.DEFAULT.badDaysPastDue();
            int window = perf.has("windowMonths")
                    ? (int) whole(perf, "performance.windowMonths", "windowMonths", 1, 120)
                    : MarketSettings.Performance.DEFAULT.windowMonths();
            for (var field : perf.properties()) {
                if (!field.getKey().equals("badDaysPastDue") && !field.getKey().equals("windowMonths")) {
                    error("performance." + field.getKey() + " is not a setting (badDaysPastDue, windowMonths)");
                }
            }
            performance = new MarketSettings.Performance(badDays, window);
        }

        // Versions stored before reasons.json existed keep their catalogs here; the compiler decides
        // which place counts and whether the default locale has one.
        Map<String, Map<String, String>> messages = new LinkedHashMap<>();
        JsonNode m = root.get("reasonMessages");
        if (m != null && !m.isObject()) error("reasonMessages must map locales to {code: message}");
        if (m != null && m.isObject()) {
            for (var locale : m.properties()) {
                Map<String, String> catalog = new LinkedHashMap<>();
                if (!locale.getValue().isObject()) {
                    error("reasonMessages." + locale.getKey() + " must map codes to messages");
                    continue;
                }
                for (var entry : locale.getValue().properties()) {
                    if (!entry.getValue().isString() || entry.getValue().asString().isBlank()) {
                        error("reasonMessages." + locale.getKey() + "." + entry.getKey() + " must be a non-empty text");
                    } else {
                        catalog.put(entry.getKey(), entry.getValue().asString());
                    }
                }
                messages.put(locale.getKey(), catalog);
            }
        }
        sink.addAll(errors);
        if (!errors.isEmpty()) return null;
        return new MarketSettings(market, currency, defaultLocale, minAmount, maxAmount, minTerm, maxTerm,
                maxApr, referenceApr, bureau, budget, messages, performance);
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            error(field + " is required and must be a text");
            return null;
        }
        return value.asString();
    }

    private double number(JsonNode node, String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            error(field + " is required and must be a number");
            return 0;
        }
        double d = value.asDouble();
        if (d < min || d > max) error(field + " must be between " + min + " and " + max);
        return d;
    }

    private double whole(JsonNode node, String path, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            error(path + " must be a whole number");
            return 0;
        }
        long n = value.asLong();
        if (n < min || n > max) error(path + " must be between " + min + " and " + max);
        return n;
    }

    private void error(String message) {
        errors.add(new ArtifactError(PolicyPackage.SETTINGS, null, null, message));
    }
}

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
            sink.add(new ArtifactError(
                    PolicyPackage.SETTINGS,
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
                    if (!entry.getValue().isString()
                            || entry.getValue().asString().isBlank()) {
                        error("reasonMessages." + locale.getKey() + "." + entry.getKey() + " must be a non-empty text");
                    } else {
                        catalog.put(entry.getKey(), entry.getValue().asString());
                    }
                }
                messages.put(locale.getKey(), catalog);
            }
        }
        RiskModelSettings model = model(root.get("model"));
        sink.addAll(errors);
        if (!errors.isEmpty()) return null;
        return new MarketSettings(
                market,
                currency,
                defaultLocale,
                minAmount,
                maxAmount,
                minTerm,
                maxTerm,
                maxApr,
                referenceApr,
                bureau,
                budget,
                messages,
                performance,
                model);
    }

    /**
     * market.json's {@code model} section alone, as far as it reads (settings in error are left out):
     * for the workbench, which shows a model's inputs while market.json is still being written.
     */
    static RiskModelSettings modelOnly(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            return root == null || !root.isObject()
                    ? RiskModelSettings.NONE
                    : new MarketSettingsParser().model(root.get("model"));
        } catch (JacksonException e) {
            return RiskModelSettings.NONE;
        }
    }

    /** The optional {@code model} section; whether it fits the model in scorecard.pmml is the compiler's check. */
    private RiskModelSettings model(JsonNode node) {
        if (node == null || node.isNull()) return RiskModelSettings.NONE;
        if (!node.isObject()) {
            error(
                    "model must be an object: {\"positiveClass\": …, \"scaling\": {…}, \"inputs\": {…}, \"reasonCodes\": {…}}");
            return RiskModelSettings.NONE;
        }
        for (var property : node.properties()) {
            if (!MODEL_KEYS.contains(property.getKey())) {
                error("model." + property.getKey() + " is not a model setting; expected one of " + MODEL_KEYS);
            }
        }
        String name = optionalText(node, "model.name", node.get("name"));
        String positiveClass = null;
        JsonNode positive = node.get("positiveClass");
        if (positive != null && !positive.isNull()) {
            // A class is often the number 1 or the text "1"; both mean the class whose value reads "1".
            if (positive.isString() && !positive.asString().isBlank()) positiveClass = positive.asString();
            else if (positive.isIntegralNumber() || positive.isBoolean()) positiveClass = positive.asString();
            else error("model.positiveClass must be the text of the class that means bad, such as \"1\" or \"bad\"");
        }
        RiskModelSettings.Scaling scaling = null;
        JsonNode s = node.get("scaling");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                error("model.scaling must be {\"baseScore\": 600, \"baseOdds\": 50, \"pdo\": 20}");
            } else {
                double baseScore = modelNumber(s, "model.scaling.baseScore", "baseScore", -1e6, 1e6, false);
                double baseOdds = modelNumber(s, "model.scaling.baseOdds", "baseOdds", 0, 1e9, true);
                double pdo = modelNumber(s, "model.scaling.pdo", "pdo", 0, 1e6, true);
                scaling = new RiskModelSettings.Scaling(baseScore, baseOdds, pdo);
            }
        }
        Map<String, RiskModelSettings.Input> inputs = inputs(node.get("inputs"));
        Map<String, String> reasonCodes = textMap(node, "reasonCodes", "maps each model input to its reason code");
        for (var entry : reasonCodes.entrySet()) {
            if (!REASON_CODE.matcher(entry.getValue()).matches()) {
                error("model.reasonCodes." + entry.getKey() + " is " + entry.getValue()
                        + ": a reason code is upper case letters, digits and underscores, such as SC_INCOME");
            }
        }
        return new RiskModelSettings(name, positiveClass, scaling, inputs, reasonCodes);
    }

    private static final List<String> INPUT_KEYS = List.of("from", "values", "otherwise", "multiply", "constant");

    /**
     * {@code model.inputs}: per model input a vocabulary name, or an object with {@code from} (and
     * optionally {@code values} with {@code otherwise}, or {@code multiply}) or a {@code constant}.
     */
    private Map<String, RiskModelSettings.Input> inputs(JsonNode value) {
        Map<String, RiskModelSettings.Input> inputs = new LinkedHashMap<>();
        if (value == null || value.isNull()) return inputs;
        if (!value.isObject()) {
            error("model.inputs must be an object that maps each model input to a JSON path or derived feature,"
                    + " or to {\"from\": …, \"values\": {…}} or {\"constant\": …}");
            return inputs;
        }
        for (var entry : value.properties()) {
            String path = "model.inputs." + entry.getKey();
            JsonNode feed = entry.getValue();
            if (feed.isString() && !feed.asString().isBlank()) {
                if (known(path, feed.asString()))
                    inputs.put(entry.getKey(), RiskModelSettings.Input.of(feed.asString()));
                continue;
            }
            if (!feed.isObject()) {
                error(path + " must be a vocabulary name such as \"applicant.age\", or an object"
                        + " {\"from\": …, \"values\": {…}, \"otherwise\": …} or {\"constant\": …}");
                continue;
            }
            int before = errors.size();
            for (var key : feed.properties()) {
                if (!INPUT_KEYS.contains(key.getKey()))
                    error(path + "." + key.getKey() + " is not an input setting; expected one of " + INPUT_KEYS);
            }
            if (feed.has("constant")) {
                if (feed.size() > 1)
                    error(path + ": a constant input takes no other setting (from, values, otherwise, multiply)");
                Object constant = scalar(feed.get("constant"));
                if (constant == null) error(path + ".constant must be a text, a number or true/false");
                if (errors.size() == before) inputs.put(entry.getKey(), RiskModelSettings.Input.constantOf(constant));
                continue;
            }
            JsonNode from = feed.get("from");
            if (from == null || !from.isString() || from.asString().isBlank()) {
                error(path
                        + ".from is required (the vocabulary name feeding the input), unless the input is a constant");
                continue;
            }
            known(path + ".from", from.asString());
            Map<String, Object> values = null;
            JsonNode v = feed.get("values");
            if (v != null && !v.isNull()) {
                values = new LinkedHashMap<>();
                if (!v.isObject() || v.isEmpty()) {
                    error(
                            path
                                    + ".values must map each vocabulary value to the model's own value, e.g. {\"SALARIED\": \"Private\"}");
                } else {
                    for (var pair : v.properties()) {
                        Object mapped = scalar(pair.getValue());
                        if (mapped == null)
                            error(path + ".values." + pair.getKey() + " must be a text, a number or true/false");
                        else values.put(pair.getKey(), mapped);
                    }
                }
            }
            Object otherwise = null;
            if (feed.has("otherwise") && !feed.get("otherwise").isNull()) {
                otherwise = scalar(feed.get("otherwise"));
                if (otherwise == null) error(path + ".otherwise must be a text, a number or true/false");
                if (values == null)
                    error(
                            path
                                    + ".otherwise needs values: it is the model's value for any vocabulary value not listed there");
            }
            Double multiply = null;
            if (feed.has("multiply")) {
                JsonNode m = feed.get("multiply");
                if (!m.isNumber() || m.asDouble() == 0 || !Double.isFinite(m.asDouble())) {
                    error(
                            path
                                    + ".multiply must be a number other than 0, e.g. 12 for a yearly figure from a monthly one");
                } else if (values != null) {
                    error(path
                            + ": multiply and values do not combine; values maps categories, multiply scales a number");
                } else if (!"number".equals(ScorecardFields.type(from.asString()))) {
                    error(path + ".multiply needs a number, but " + from.asString() + " is "
                            + ScorecardFields.type(from.asString()));
                } else {
                    multiply = m.asDouble();
                }
            }
            if (errors.size() == before) {
                inputs.put(
                        entry.getKey(),
                        new RiskModelSettings.Input(from.asString(), values, otherwise, multiply, null));
            }
        }
        return inputs;
    }

    private boolean known(String path, String name) {
        if (ScorecardFields.isKnown(name)) return true;
        error(path + " is " + name + ", which is not in the vocabulary;"
                + " use a request JSON path or a derived feature, one of " + ScorecardFields.names());
        return false;
    }

    /** A JSON text, number or boolean as the model reads it; null for anything else. */
    private static Object scalar(JsonNode node) {
        if (node == null) return null;
        if (node.isString()) return node.asString();
        if (node.isIntegralNumber()) return node.asLong();
        if (node.isNumber()) return node.asDouble();
        if (node.isBoolean()) return node.asBoolean();
        return null;
    }

    private static final List<String> MODEL_KEYS = List.of("name", "positiveClass", "scaling", "inputs", "reasonCodes");
    private static final java.util.regex.Pattern REASON_CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private String optionalText(JsonNode node, String field, JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (!value.isString() || value.asString().isBlank()) {
            error(field + " must be a non-empty text");
            return null;
        }
        return value.asString();
    }

    private double modelNumber(JsonNode node, String path, String field, double min, double max, boolean positive) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            error(path + " is required and must be a number");
            return 1;
        }
        double d = value.asDouble();
        if (d < min || d > max || (positive && d <= 0)) {
            error(path + " must be " + (positive ? "above " : "at least ") + min + " and at most " + max);
        }
        return d;
    }

    private Map<String, String> textMap(JsonNode node, String field, String purpose) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return map;
        if (!value.isObject()) {
            error("model." + field + " must be an object that " + purpose);
            return map;
        }
        for (var entry : value.properties()) {
            if (!entry.getValue().isString() || entry.getValue().asString().isBlank()) {
                error("model." + field + "." + entry.getKey() + " must be a non-empty text");
            } else {
                map.put(entry.getKey(), entry.getValue().asString());
            }
        }
        return map;
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

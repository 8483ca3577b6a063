package io.credence.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * market.json's {@code parameters}: the named values a policy's rules and reason messages read, each with
 * its type, label, unit, bounds and help. Kept apart from {@link MarketSettingsParser} because it is its
 * own section with its own checks; also the one place that edits a value in market.json's text (so a
 * form's change shows as one changed line) and that lists what changed between two versions in business
 * terms ("minimumAge 18 → 21").
 */
public final class MarketParameters {

    /** What a parameter's name may be: the identifier a rule and a message write, minimumAge. */
    static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    private static final List<String> FIELDS = List.of("type", "value", "label", "unit", "min", "max", "help");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The product limits at market.json's top level, with the type they are entered as. They are not
     * parameters (the engine itself applies them) but an analyst edits and a reviewer reads them the same way.
     */
    public static final Map<String, MarketParameter.Type> LIMITS;

    static {
        Map<String, MarketParameter.Type> limits = new LinkedHashMap<>();
        limits.put("minAmount", MarketParameter.Type.MONEY);
        limits.put("maxAmount", MarketParameter.Type.MONEY);
        limits.put("minTermMonths", MarketParameter.Type.INTEGER);
        limits.put("maxTermMonths", MarketParameter.Type.INTEGER);
        limits.put("maxApr", MarketParameter.Type.PERCENT);
        limits.put("referenceApr", MarketParameter.Type.PERCENT);
        LIMITS = java.util.Collections.unmodifiableMap(limits);
    }

    /** One value that differs between two versions' market.json; null on the side that lacks it. */
    public record Change(String name, String label, MarketParameter.Type type, String before, String after) {}

    /** The parameters that could be read, and the errors of those that could not. */
    public record Parsed(List<MarketParameter> parameters, List<ArtifactError> errors) {
        public Parsed {
            parameters = List.copyOf(parameters);
            errors = List.copyOf(errors);
        }

        public Map<String, MarketParameter> byName() {
            Map<String, MarketParameter> byName = new LinkedHashMap<>();
            parameters.forEach(p -> byName.put(p.name(), p));
            return byName;
        }
    }

    private final String text;
    private final List<ArtifactError> errors = new ArrayList<>();

    private MarketParameters(String text) {
        this.text = text;
    }

    /** Reads the parameters of a market.json; a package without a parameters section has none. */
    public static Parsed parse(String marketJson) {
        return new MarketParameters(marketJson).read();
    }

    private Parsed read() {
        List<MarketParameter> parameters = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            // MarketSettingsParser reports the syntax error; once is enough.
            return new Parsed(parameters, errors);
        }
        if (root == null || !root.isObject() || !root.has("parameters")) return new Parsed(parameters, errors);
        JsonNode section = root.get("parameters");
        if (!section.isObject()) {
            error(List.of("parameters"), "parameters must map names to {\"type\": …, \"value\": …, \"label\": …}");
            return new Parsed(parameters, errors);
        }
        for (var entry : section.properties()) {
            MarketParameter parameter = parameter(entry.getKey(), entry.getValue());
            if (parameter != null) parameters.add(parameter);
        }
        return new Parsed(parameters, errors);
    }

    private MarketParameter parameter(String name, JsonNode node) {
        List<String> at = List.of("parameters", name);
        String where = "parameter " + name + ": ";
        if (!NAME.matcher(name).matches()) {
            error(
                    at,
                    "parameter name \"" + name + "\" must start with a small letter and hold only letters and"
                            + " digits, e.g. minimumAge, so rules (param(\"minimumAge\")) and messages ({minimumAge}) can name it");
            return null;
        }
        if (!node.isObject()) {
            error(at, where + "must be {\"type\": …, \"value\": …, \"label\": …}");
            return null;
        }
        int before = errors.size();
        for (String field : node.propertyNames()) {
            if (!FIELDS.contains(field))
                error(at, where + "has an unknown field \"" + field + "\"; expected " + FIELDS);
        }
        JsonNode typeNode = node.get("type");
        MarketParameter.Type type =
                typeNode != null && typeNode.isString() ? MarketParameter.Type.of(typeNode.asString()) : null;
        if (type == null) {
            error(at, where + "type must be one of number, money, percent, integer, date");
            return null;
        }
        String label = optionalText(node, "label", at, where);
        if (label == null
                && !errors.subList(before, errors.size()).stream()
                        .anyMatch(e -> e.message().contains("label"))) {
            error(at, where + "label is required: the name analysts and reviewers read, e.g. \"Minimum age\"");
        }
        String unit = optionalText(node, "unit", at, where);
        String help = optionalText(node, "help", at, where);
        if (type == MarketParameter.Type.DATE) {
            LocalDate value = date(node, "value", at, where, true);
            LocalDate min = date(node, "min", at, where, false);
            LocalDate max = date(node, "max", at, where, false);
            if (min != null && max != null && max.isBefore(min)) error(at, where + "max must not be before min");
            if (errors.size() > before) return null;
            MarketParameter p = new MarketParameter(name, type, null, value, label, unit, null, null, min, max, help);
            String problem = p.problemWith(value);
            if (problem != null) {
                error(List.of("parameters", name, "value"), where + "value " + value + " " + problem);
                return null;
            }
            return p;
        }
        BigDecimal value = number(node, "value", at, where, true);
        BigDecimal min = number(node, "min", at, where, false);
        BigDecimal max = number(node, "max", at, where, false);
        if (min != null && max != null && max.compareTo(min) < 0) error(at, where + "max must not be below min");
        if (errors.size() > before) return null;
        MarketParameter p = new MarketParameter(name, type, value, null, label, unit, min, max, null, null, help);
        // Rules read a parameter as a double, and the compiler writes it into them as one.
        if (!Double.isFinite(value.doubleValue())) {
            error(List.of("parameters", name, "value"), where + "value is too large to compute with");
            return null;
        }
        String problem = p.problemWith(value);
        if (problem != null) {
            error(List.of("parameters", name, "value"), where + "value " + p.plain() + " " + problem);
            return null;
        }
        return p;
    }

    private String optionalText(JsonNode node, String field, List<String> at, String where) {
        JsonNode value = node.get(field);
        if (value == null) return null;
        if (!value.isString() || value.asString().isBlank()) {
            error(at, where + field + " must be a non-empty text");
            return null;
        }
        return value.asString();
    }

    private BigDecimal number(JsonNode node, String field, List<String> at, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) error(at, where + field + " is required and must be a number");
            return null;
        }
        if (!value.isNumber()) {
            error(at, where + field + " must be a number");
            return null;
        }
        try {
            return value.decimalValue();
        } catch (JacksonException e) {
            // 1e400 reads as an infinite double, which no decimal holds
            error(at, where + field + " is too large to compute with");
            return null;
        }
    }

    private LocalDate date(JsonNode node, String field, List<String> at, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) error(at, where + field + " is required and must be a date such as \"2026-07-01\"");
            return null;
        }
        try {
            if (value.isString()) return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            // reported below, with the form a date must take
        }
        error(at, where + field + " must be a date such as \"2026-07-01\"");
        return null;
    }

    private void error(List<String> path, String message) {
        Location location = locate(text, path);
        errors.add(new ArtifactError(
                PolicyPackage.SETTINGS,
                location == null ? null : location.line(),
                location == null ? null : location.column(),
                message));
    }

    /** Where a value sits in the text: character offsets [start, end) and its 1-based line and column. */
    record Location(int start, int end, int line, int column) {}

    /**
     * Finds the value at {@code path} (object keys from the root) in JSON text without reformatting it;
     * null when it is not there or the text is not JSON.
     */
    static Location locate(String json, List<String> path) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            return find(parser, path, 0);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Location find(JsonParser parser, List<String> path, int depth) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals(path.get(depth))) {
                if (depth == path.size() - 1) {
                    TokenStreamLocation start = parser.currentTokenLocation();
                    if (value.isScalarValue()) parser.getString();
                    else parser.skipChildren();
                    // getString() reads the whole token, so the current location is just past it
                    TokenStreamLocation end = parser.currentLocation();
                    if (!value.isScalarValue()) end = parser.currentLocation();
                    return new Location(
                            (int) start.getCharOffset(),
                            (int) end.getCharOffset(),
                            start.getLineNr(),
                            start.getColumnNr());
                }
                if (value != JsonToken.START_OBJECT) return null;
                return find(parser, path, depth + 1);
            }
            parser.skipChildren();
        }
        return null;
    }

    /**
     * market.json with one value replaced, the rest of the text exactly as it was, so a change made in
     * a form is one changed line in the version's text. {@code path} is e.g. [parameters, minimumAge, value]
     * or [maxAmount]; {@code literal} is the JSON to put there: 21, 0.45, "2026-07-01".
     *
     * @throws IllegalArgumentException when market.json has no value at that path
     */
    public static String withValue(String marketJson, List<String> path, String literal) {
        Location location = locate(marketJson, path);
        if (location == null) throw new IllegalArgumentException("market.json has no " + String.join(".", path));
        return marketJson.substring(0, location.start()) + literal + marketJson.substring(location.end());
    }

    /** The JSON literal market.json holds for a parameter's value: 21, 0.45, "2026-07-01". */
    public static String literal(MarketParameter parameter) {
        return parameter.type() == MarketParameter.Type.DATE ? "\"" + parameter.date() + "\"" : parameter.plain();
    }

    /** The product limits of a market.json (minAmount, maxAmount, …) by name, as plain numbers; absent ones left out. */
    public static Map<String, BigDecimal> limits(String marketJson) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(marketJson);
            if (root == null || !root.isObject()) return values;
            for (String name : LIMITS.keySet()) {
                JsonNode value = root.get(name);
                if (value != null && value.isNumber()) values.put(name, value.decimalValue());
            }
        } catch (JacksonException e) {
            return values;
        }
        return values;
    }

    /**
     * What differs between two versions' market.json in the limits and parameters, in business terms:
     * one change per value, in market.json's order. Texts that do not parse give no changes (their line
     * diff still shows).
     */
    public static List<Change> changes(String before, String after) {
        List<Change> changes = new ArrayList<>();
        Map<String, BigDecimal> oldLimits = before == null ? Map.of() : limits(before);
        Map<String, BigDecimal> newLimits = after == null ? Map.of() : limits(after);
        for (var limit : LIMITS.entrySet()) {
            BigDecimal was = oldLimits.get(limit.getKey());
            BigDecimal is = newLimits.get(limit.getKey());
            if (!sameNumber(was, is)) {
                changes.add(new Change(limit.getKey(), limit.getKey(), limit.getValue(), plain(was), plain(is)));
            }
        }
        Map<String, MarketParameter> old =
                before == null ? Map.of() : parse(before).byName();
        Map<String, MarketParameter> now =
                after == null ? Map.of() : parse(after).byName();
        List<String> names = new ArrayList<>(now.keySet());
        old.keySet().stream().filter(name -> !now.containsKey(name)).forEach(names::add);
        for (String name : names) {
            MarketParameter was = old.get(name);
            MarketParameter is = now.get(name);
            String wasText = was == null ? null : was.plain();
            String isText = is == null ? null : is.plain();
            boolean same = was != null
                    && is != null
                    && (was.type() == MarketParameter.Type.DATE
                            ? Objects.equals(was.date(), is.date())
                            : sameNumber(was.value(), is.value()));
            if (!same) {
                MarketParameter shown = is != null ? is : was;
                changes.add(new Change(name, shown.label(), shown.type(), wasText, isText));
            }
        }
        return changes;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}

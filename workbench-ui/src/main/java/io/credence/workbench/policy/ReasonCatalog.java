package io.credence.workbench.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * reasons.json as the reason-messages grid edits it: one catalog per locale, in the file's order,
 * each mapping codes to the applicant-facing message. Every edit gives back the whole file, written
 * the way the seed policies are (two-space indent, codes in their order, new ones at the end), so
 * the diff a reviewer reads shows only what changed.
 */
final class ReasonCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One grid row: a code, whether this version can give it, and its message per locale (absent: missing). */
    record Row(String code, boolean emittable, Map<String, String> messages) {

        boolean isMissing(String locale) {
            return emittable && !messages.containsKey(locale);
        }
    }

    private final Map<String, Map<String, String>> catalogs;

    private ReasonCatalog(Map<String, Map<String, String>> catalogs) {
        this.catalogs = catalogs;
    }

    static ReasonCatalog empty() {
        return new ReasonCatalog(new LinkedHashMap<>());
    }

    /**
     * The catalogs of a reasons.json text; blank text is an empty catalog. Empty when the text is not
     * an object of objects of texts: the analyst then fixes it in the JSON source, where the
     * validation marks the line.
     */
    static Optional<ReasonCatalog> parse(String text) {
        if (text == null || text.isBlank()) return Optional.of(empty());
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) return Optional.empty();
        Map<String, Map<String, String>> catalogs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> locale : root.properties()) {
            if (!locale.getValue().isObject()) return Optional.empty();
            Map<String, String> messages = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> message : locale.getValue().properties()) {
                if (!message.getValue().isString()) return Optional.empty();
                messages.put(message.getKey(), message.getValue().asString());
            }
            catalogs.put(locale.getKey(), messages);
        }
        return Optional.of(new ReasonCatalog(catalogs));
    }

    /** The locales, in the file's order: the grid's columns. */
    List<String> locales() {
        return List.copyOf(catalogs.keySet());
    }

    /**
     * One row per code this version can give, then any codes only the catalogs name (kept, since a
     * later version may give them again), each group sorted.
     */
    List<Row> rows(Collection<String> emittable) {
        SortedSet<String> extra = new TreeSet<>();
        catalogs.values().forEach(messages -> extra.addAll(messages.keySet()));
        extra.removeAll(emittable);
        List<Row> rows = new ArrayList<>();
        for (String code : new TreeSet<>(emittable)) rows.add(row(code, true));
        for (String code : extra) rows.add(row(code, false));
        return rows;
    }

    /** How many messages the emittable codes lack across all locales. */
    long missing(Collection<String> emittable) {
        return rows(emittable).stream()
                .mapToLong(r -> locales().stream().filter(r::isMissing).count())
                .sum();
    }

    private Row row(String code, boolean emittable) {
        Map<String, String> messages = new LinkedHashMap<>();
        catalogs.forEach((locale, catalog) -> {
            String message = catalog.get(code);
            if (message != null) messages.put(locale, message);
        });
        return new Row(code, emittable, messages);
    }

    /** Sets one message; a blank one removes the code from that locale, making it missing again. */
    ReasonCatalog withMessage(String locale, String code, String message) {
        Map<String, Map<String, String>> copy = copy();
        Map<String, String> catalog = copy.computeIfAbsent(locale, l -> new LinkedHashMap<>());
        if (message == null || message.isBlank()) catalog.remove(code);
        else catalog.put(code, message.strip());
        return new ReasonCatalog(copy);
    }

    /** Adds an empty catalog for a language: every code it must cover then shows as missing. */
    ReasonCatalog withLocale(String tag) {
        Map<String, Map<String, String>> copy = copy();
        copy.putIfAbsent(tag, new LinkedHashMap<>());
        return new ReasonCatalog(copy);
    }

    boolean hasLocale(String tag) {
        return catalogs.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(tag));
    }

    /** A BCP 47 tag such as zh-CN, pt-BR or en, as decision requests name their locale; written canonically. */
    static Optional<String> languageTag(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(text.strip()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{");
        int l = 0;
        for (Map.Entry<String, Map<String, String>> locale : catalogs.entrySet()) {
            json.append(l++ == 0 ? "\n" : ",\n")
                    .append("  ")
                    .append(quote(locale.getKey()))
                    .append(": {");
            int c = 0;
            for (Map.Entry<String, String> message : locale.getValue().entrySet()) {
                json.append(c++ == 0 ? "\n" : ",\n")
                        .append("    ")
                        .append(quote(message.getKey()))
                        .append(": ")
                        .append(quote(message.getValue()));
            }
            json.append(c == 0 ? "}" : "\n  }");
        }
        return json.append(l == 0 ? "}\n" : "\n}\n").toString();
    }

    private Map<String, Map<String, String>> copy() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        catalogs.forEach((locale, messages) -> copy.put(locale, new LinkedHashMap<>(messages)));
        return copy;
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}

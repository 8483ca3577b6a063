package io.credence.engine;

import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * reasons.json: the applicant-facing message of every reason code, one catalog per locale,
 * {@code {"pt-BR": {"AP_UNDERAGE": "…"}, "en": {…}}}. Read with a streaming parser so that every error
 * points at the line of the locale or message it is about: the workbench marks errors on lines.
 */
final class ReasonCatalogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One locale's messages and where its object starts in the artifact (null when unknown). */
    record Catalog(String locale, Integer line, Integer column, Map<String, String> messages) {
        Catalog {
            messages = Map.copyOf(messages);
        }
    }

    private final String artifact;
    private final List<ArtifactError> errors;

    private ReasonCatalogs(String artifact, List<ArtifactError> errors) {
        this.artifact = artifact;
        this.errors = errors;
    }

    /** The catalogs of reasons.json by locale, in the file's order; null when the text is not JSON at all. */
    static Map<String, Catalog> parse(String text, List<ArtifactError> errors) {
        return new ReasonCatalogs(PolicyPackage.REASONS, errors).read(text);
    }

    /**
     * Catalogs kept in market.json's {@code reasonMessages}, where versions stored before reasons.json
     * existed have them; already checked for shape by {@link MarketSettingsParser}, and without positions.
     */
    static Map<String, Catalog> legacy(Map<String, Map<String, String>> reasonMessages) {
        Map<String, Catalog> catalogs = new LinkedHashMap<>();
        reasonMessages.forEach((locale, messages) -> catalogs.put(locale, new Catalog(locale, null, null, messages)));
        return catalogs;
    }

    /**
     * Every code the package can give needs a message in every catalog: an applicant must never be shown
     * a bare code, or English in a market that promised its own language. Codes nothing gives are
     * allowed; they may serve a later version.
     */
    static void checkCoverage(
            String artifact,
            Map<String, Catalog> catalogs,
            SortedMap<String, SortedSet<String>> emittable,
            List<ArtifactError> errors) {
        for (Catalog catalog : catalogs.values()) {
            for (Map.Entry<String, SortedSet<String>> code : emittable.entrySet()) {
                if (!catalog.messages().containsKey(code.getKey())) {
                    errors.add(new ArtifactError(
                            artifact,
                            catalog.line(),
                            catalog.column(),
                            "has no " + catalog.locale()
                                    + " message for " + code.getKey() + ", which " + describe(code.getValue())
                                    + " can give"));
                }
            }
        }
    }

    /** A BCP 47 language tag such as pt-BR, fil-PH or en: the form requests name their locale in. */
    static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank()) return false;
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static String describe(SortedSet<String> sources) {
        List<String> named = sources.stream()
                .map(s -> s.equals(ReasonCodes.ENGINE) ? "the engine" : s)
                .toList();
        return String.join(" and ", named);
    }

    private Map<String, Catalog> read(String text) {
        Map<String, Catalog> catalogs = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                error(json.currentTokenLocation(), "must be a JSON object mapping locales to {\"CODE\": \"message\"}");
                return catalogs;
            }
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String locale = json.currentName();
                TokenStreamLocation at = json.currentTokenLocation();
                JsonToken value = json.nextToken();
                if (!isLanguageTag(locale)) {
                    error(at, "\"" + locale + "\" is not a language tag (BCP 47) such as pt-BR, fil-PH or en");
                } else if (seen(catalogs, locale)) {
                    error(at, "has two catalogs for " + locale + " (language tags are not case-sensitive)");
                }
                if (value != JsonToken.START_OBJECT) {
                    error(at, locale + " must map codes to messages: {\"CODE\": \"message\", …}");
                    json.skipChildren();
                    continue;
                }
                boolean usable = isLanguageTag(locale) && !seen(catalogs, locale);
                Map<String, String> messages = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                    String code = json.currentName();
                    TokenStreamLocation codeAt = json.currentTokenLocation();
                    JsonToken message = json.nextToken();
                    if (message != JsonToken.VALUE_STRING || json.getString().isBlank()) {
                        error(codeAt, locale + " message for " + code + " must be a non-empty text");
                        json.skipChildren();
                        // Reported here, on its own line; the coverage check need not report it again.
                        messages.putIfAbsent(code, "");
                    } else if (messages.putIfAbsent(code, json.getString()) != null) {
                        error(codeAt, locale + " has two messages for " + code);
                    }
                }
                if (usable) {
                    catalogs.put(locale, new Catalog(locale, at.getLineNr(), at.getColumnNr(), messages));
                }
            }
            if (json.nextToken() != null) error(json.currentTokenLocation(), "has text after the closing brace");
        } catch (JacksonException e) {
            error(e.getLocation(), e.getOriginalMessage());
            return null;
        }
        return catalogs;
    }

    private static boolean seen(Map<String, Catalog> catalogs, String locale) {
        return catalogs.keySet().stream().anyMatch(known -> known.equalsIgnoreCase(locale));
    }

    private void error(TokenStreamLocation at, String message) {
        Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
        Integer column = at == null || at.getColumnNr() < 1 ? null : at.getColumnNr();
        errors.add(new ArtifactError(artifact, line, column, message));
    }
}

package io.credence.engine;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * The market settings artifact (market.json): currency, limits, the legal or internal APR cap, the
 * bureau's score scale, the time budget of one decision and the applicant-facing reason messages
 * by locale.
 */
public record MarketSettings(
        String market,
        String currency,
        String defaultLocale,
        double minAmount,
        double maxAmount,
        int minTermMonths,
        int maxTermMonths,
        double maxApr,
        double referenceApr,
        BureauScale bureau,
        int timeBudgetMillis,
        Map<String, Map<String, String>> reasonMessages) {

    public record BureauScale(String name, int scoreMin, int scoreMax) {
    }

    public MarketSettings {
        reasonMessages = reasonMessages == null ? Map.of() : Map.copyOf(reasonMessages);
    }

    public int currencyFractionDigits() {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /**
     * The message for a reason code in the requested locale, else the market's default locale,
     * else the engine's own English text, else the code itself.
     */
    public String message(String code, String locale) {
        if (locale != null) {
            String exact = lookup(locale, code);
            if (exact != null) return exact;
            String language = Locale.forLanguageTag(locale).getLanguage();
            for (Map.Entry<String, Map<String, String>> catalog : reasonMessages.entrySet()) {
                if (Locale.forLanguageTag(catalog.getKey()).getLanguage().equals(language)
                        && catalog.getValue().get(code) != null) {
                    return catalog.getValue().get(code);
                }
            }
        }
        String fallback = lookup(defaultLocale, code);
        if (fallback != null) return fallback;
        return EngineReasons.defaultMessage(code);
    }

    private String lookup(String locale, String code) {
        Map<String, String> catalog = reasonMessages.get(locale);
        return catalog == null ? null : catalog.get(code);
    }
}

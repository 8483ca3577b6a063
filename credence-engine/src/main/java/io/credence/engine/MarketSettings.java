package io.credence.engine;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The market settings artifact (market.json): currency, limits, the legal or internal APR cap, the
 * bureau's score scale, the time budget of one decision and how to read the risk model; with the applicant-facing reason
 * messages by locale, which come from reasons.json (or, in versions stored before it existed, from
 * market.json's own {@code reasonMessages}).
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
        Map<String, Map<String, String>> reasonMessages,
        Performance performance,
        RiskModelSettings model) {

    public record BureauScale(String name, int scoreMin, int scoreMax) {}

    /**
     * When a funded loan counts as bad (an observation at {@code badDaysPastDue} or more, or defaulted or
     * charged off) and how long it must stay clear to count as good ({@code windowMonths} after funding).
     */
    public record Performance(int badDaysPastDue, int windowMonths) {

        public static final Performance DEFAULT = new Performance(90, 12);
    }

    public MarketSettings {
        reasonMessages = reasonMessages == null ? Map.of() : Map.copyOf(reasonMessages);
        performance = performance == null ? Performance.DEFAULT : performance;
        model = model == null ? RiskModelSettings.NONE : model;
    }

    MarketSettings withReasonMessages(Map<String, Map<String, String>> messages) {
        return new MarketSettings(
                market,
                currency,
                defaultLocale,
                minAmount,
                maxAmount,
                minTermMonths,
                maxTermMonths,
                maxApr,
                referenceApr,
                bureau,
                timeBudgetMillis,
                messages,
                performance,
                model);
    }

    public int currencyFractionDigits() {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /**
     * The catalog that answers a request for {@code requested}: that exact locale, else one of the same
     * language (the default locale first, so en-US in India gets en-IN), else the market's default.
     * Null when the market has no catalogs at all, as some versions stored before reasons.json have not.
     */
    public String localeFor(String requested) {
        if (reasonMessages.isEmpty()) return null;
        if (requested != null && !requested.isBlank()) {
            for (String locale : reasonMessages.keySet()) {
                if (locale.equalsIgnoreCase(requested)) return locale;
            }
            String language = Locale.forLanguageTag(requested).getLanguage();
            if (!language.isEmpty()) {
                if (defaultLocale != null
                        && language.equals(Locale.forLanguageTag(defaultLocale).getLanguage())
                        && reasonMessages.containsKey(defaultLocale)) {
                    return defaultLocale;
                }
                for (String locale : new TreeSet<>(reasonMessages.keySet())) {
                    if (Locale.forLanguageTag(locale).getLanguage().equals(language)) return locale;
                }
            }
        }
        return reasonMessages.containsKey(defaultLocale) ? defaultLocale : null;
    }

    /**
     * The message for a reason code in the catalog {@link #localeFor} picks, else in the market's
     * default locale, else the engine's own English text, else the code itself. Validation makes every
     * catalog complete; the fall-backs serve versions stored before it did.
     */
    public String message(String code, String locale) {
        String chosen = lookup(localeFor(locale), code);
        if (chosen != null) return chosen;
        String fallback = lookup(defaultLocale, code);
        if (fallback != null) return fallback;
        return EngineReasons.defaultMessage(code);
    }

    private String lookup(String locale, String code) {
        Map<String, String> catalog = locale == null ? null : reasonMessages.get(locale);
        return catalog == null ? null : catalog.get(code);
    }
}

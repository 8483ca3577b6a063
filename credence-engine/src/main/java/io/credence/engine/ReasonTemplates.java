package io.credence.engine;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reason messages that name parameters, "El solicitante es menor de {minimumAge} años.": the value is
 * filled in when the applicant is told, in the number format of the message's language, so the message
 * follows the policy when an analyst changes the parameter.
 */
public final class ReasonTemplates {

    /** {minimumAge}: a parameter's name in braces. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private ReasonTemplates() {}

    /** Every {name} a catalog's messages write must be a parameter of market.json. */
    static void check(
            String artifact,
            Map<String, ReasonCatalogs.Catalog> catalogs,
            Map<String, MarketParameter> parameters,
            List<ArtifactError> errors) {
        for (ReasonCatalogs.Catalog catalog : catalogs.values()) {
            for (Map.Entry<String, String> message : catalog.messages().entrySet()) {
                Matcher named = PLACEHOLDER.matcher(message.getValue());
                while (named.find()) {
                    if (!parameters.containsKey(named.group(1))) {
                        errors.add(new ArtifactError(
                                artifact,
                                catalog.line(),
                                catalog.column(),
                                catalog.locale()
                                        + " message for " + message.getKey() + " names {" + named.group(1)
                                        + "}, which is not a"
                                        + " parameter of market.json" + known(parameters)));
                    }
                }
            }
        }
    }

    private static String known(Map<String, MarketParameter> parameters) {
        return parameters.isEmpty() ? " (it declares none)" : "; it declares " + String.join(", ", parameters.keySet());
    }

    /** The message with each {name} replaced by the parameter's value as {@code languageTag} writes numbers. */
    public static String fill(
            String message, Map<String, MarketParameter> parameters, String languageTag, int moneyDigits) {
        if (message == null || message.indexOf('{') < 0) return message;
        Locale locale = languageTag == null ? Locale.ROOT : Locale.forLanguageTag(languageTag);
        Matcher named = PLACEHOLDER.matcher(message);
        StringBuilder filled = new StringBuilder();
        while (named.find()) {
            MarketParameter parameter = parameters.get(named.group(1));
            String value = parameter == null ? named.group() : format(parameter, locale, moneyDigits);
            named.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        named.appendTail(filled);
        return filled.toString();
    }

    /** A parameter's value as a reader of {@code locale} writes it: 18, 240.000, 45 %, 1 jul 2026. */
    public static String format(MarketParameter parameter, Locale locale, int moneyDigits) {
        switch (parameter.type()) {
            case DATE -> {
                return parameter
                        .date()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale));
            }
            case PERCENT -> {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMaximumFractionDigits(2);
                return percent.format(parameter.value());
            }
            case MONEY -> {
                NumberFormat money = NumberFormat.getNumberInstance(locale);
                boolean whole = parameter.value().stripTrailingZeros().scale() <= 0;
                money.setMinimumFractionDigits(whole ? 0 : moneyDigits);
                money.setMaximumFractionDigits(moneyDigits);
                money.setRoundingMode(RoundingMode.HALF_UP);
                return money.format(parameter.value());
            }
            default -> {
                NumberFormat number = NumberFormat.getNumberInstance(locale);
                number.setMaximumFractionDigits(4);
                return number.format(parameter.value());
            }
        }
    }
}

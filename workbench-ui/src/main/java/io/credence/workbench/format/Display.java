package io.credence.workbench.format;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import io.credence.workbench.i18n.LanguageSelection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How numbers, amounts and times are shown to one person: in their browser's locale and time zone.
 * Amounts always carry a currency, because the same number means very different money in INR and
 * GBP. Views take {@link #current()}; tests construct it with a fixed locale and zone.
 */
public record Display(Locale locale, ZoneId zone) {

    private static final String NONE = "—";

    /**
     * The formatting locale of this UI (the browser's, when it speaks the workbench's language) and
     * the browser's time zone; UTC when the browser did not say.
     */
    public static Display current() {
        UI ui = UI.getCurrent();
        if (ui == null) return new Display(Locale.ENGLISH, ZoneOffset.UTC);
        return new Display(
                LanguageSelection.formattingLocale(ui.getLocale()),
                zoneOf(ui.getPage().getExtendedClientDetails()));
    }

    private static ZoneId zoneOf(ExtendedClientDetails details) {
        if (details == null
                || details.getTimeZoneId() == null
                || details.getTimeZoneId().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        } catch (DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    /** 150000 and INR in en-IN: "₹1,50,000.00"; null is a dash. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) return NONE;
        if (currency == null) return NumberFormat.getNumberInstance(locale).format(amount);
        Currency unit = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }

    /** A rate between 0 and 1 as a percentage with one decimal: 0.189 is "18.9%". */
    public String percent(double rate) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    public String percent(BigDecimal rate) {
        return rate == null ? NONE : percent(rate.doubleValue());
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A score with up to two decimals, as the engine keeps it: 612.35, 600. */
    public String number(BigDecimal value) {
        if (value == null) return NONE;
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A probability with four decimals: 0.0337. */
    public String probability(Double value) {
        if (value == null) return NONE;
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(4);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    public String dateTime(Instant at) {
        if (at == null) return NONE;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone)
                .format(at);
    }

    /** The instant a day starts in this person's zone: what a "from" date filter means. */
    public Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The instant after a day ends: what an inclusive "to" date filter means for an exclusive bound. */
    public Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Engine time in microseconds: "410 µs" below a millisecond, "1.25 ms" above. */
    public String micros(double micros) {
        if (micros < 1000) {
            return NumberFormat.getIntegerInstance(locale).format(Math.round(micros)) + " µs";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(micros / 1000).setScale(2, RoundingMode.HALF_UP)) + " ms";
    }

    /** "sha256:3f2a1b9c4d5e…" as its first twelve hex digits; the full digest goes in a tooltip. */
    public static String shortDigest(String digest) {
        if (digest == null) return NONE;
        String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
        return hex.length() <= 12 ? hex : hex.substring(0, 12);
    }
}

package io.credence.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One named, typed value of a market's policy from market.json's {@code parameters}: the minimum age,
 * an income cut-off, an APR cap. Rules read it with {@code Market.param("name")}; reason messages name it
 * as {@code {name}}; the workbench edits it in a form and reviewers see it change as "minimumAge 18 → 21".
 * Numbers are held as decimals (percentages as fractions, 0.4 for 40 %); a date parameter has {@code date}
 * and {@code min}/{@code max} dates instead.
 */
public record MarketParameter(
        String name,
        Type type,
        BigDecimal value,
        LocalDate date,
        String label,
        String unit,
        BigDecimal min,
        BigDecimal max,
        LocalDate minDate,
        LocalDate maxDate,
        String help) {

    /** What kind of value it is, which decides how it is entered, shown and checked. */
    public enum Type {
        NUMBER,
        MONEY,
        PERCENT,
        INTEGER,
        DATE;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Type of(String text) {
            for (Type type : values()) {
                if (type.json().equals(text)) return type;
            }
            return null;
        }
    }

    /** The value as rules read it: a number, or a date as its epoch day. */
    public double asDouble() {
        return type == Type.DATE ? date.toEpochDay() : value.doubleValue();
    }

    /** The value as market.json writes it: 18, 0.4, 2026-07-01. */
    public String plain() {
        return type == Type.DATE ? date.toString() : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Why {@code candidate} may not be this parameter's value, or null when it may: the same check
     * validation makes, for the workbench to run as the analyst types.
     */
    public String problemWith(BigDecimal candidate) {
        if (candidate == null) return "needs a value";
        if (type == Type.INTEGER && candidate.stripTrailingZeros().scale() > 0) return "must be a whole number";
        if (min != null && candidate.compareTo(min) < 0)
            return "must be at least " + min.stripTrailingZeros().toPlainString();
        if (max != null && candidate.compareTo(max) > 0)
            return "must be at most " + max.stripTrailingZeros().toPlainString();
        return null;
    }

    /** As {@link #problemWith(BigDecimal)}, for a date parameter. */
    public String problemWith(LocalDate candidate) {
        if (candidate == null) return "needs a date";
        if (minDate != null && candidate.isBefore(minDate)) return "must be on or after " + minDate;
        if (maxDate != null && candidate.isAfter(maxDate)) return "must be on or before " + maxDate;
        return null;
    }

    public MarketParameter withValue(BigDecimal newValue) {
        return new MarketParameter(name, type, newValue, date, label, unit, min, max, minDate, maxDate, help);
    }

    public MarketParameter withDate(LocalDate newDate) {
        return new MarketParameter(name, type, value, newDate, label, unit, min, max, minDate, maxDate, help);
    }
}

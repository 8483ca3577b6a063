package io.credence.workbench.format;

import io.credence.workbench.i18n.LanguageSelection;
import java.util.Locale;

/** Markets are ISO country codes; people read them better with the country's name beside them. */
public final class MarketNames {

    private MarketNames() {}

    /** "IN" is "India" (印度 in Chinese) in the workbench's language; a code Java does not know stays as it is. */
    public static String country(String market) {
        return country(market, LanguageSelection.current().locale());
    }

    /** "GB" in English is "United Kingdom"; a code Java does not know stays as it is. */
    public static String country(String market, Locale language) {
        if (market == null || market.length() != 2) return market;
        String name = Locale.of("", market).getDisplayCountry(language);
        return name.isBlank() || name.equalsIgnoreCase(market) ? market : name;
    }
}

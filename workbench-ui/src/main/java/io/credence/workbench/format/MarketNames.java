package io.credence.workbench.format;

import java.util.Locale;

/** Markets are ISO country codes; people read them better with the country's name beside them. */
public final class MarketNames {

    private MarketNames() {
    }

    /** "IN" is "India", "GB" is "United Kingdom"; a code Java does not know stays as it is. */
    public static String country(String market) {
        if (market == null || market.length() != 2) return market;
        String name = Locale.of("", market).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(market) ? market : name;
    }
}

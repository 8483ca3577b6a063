package io.credence.simulation;

/**
 * Age bands for the disparate-impact view. Applicants under 18 may not borrow at all, so their band
 * is shown but left out of the four-fifths comparison: it would always be the lowest.
 */
enum AgeBand {
    UNDER_18("under 18", false),
    FROM_18("18-24", true),
    FROM_25("25-34", true),
    FROM_35("35-44", true),
    FROM_45("45-54", true),
    FROM_55("55-64", true),
    FROM_65("65+", true);

    private final String label;
    private final boolean compared;

    AgeBand(String label, boolean compared) {
        this.label = label;
        this.compared = compared;
    }

    String label() {
        return label;
    }

    /** Whether the band takes part in the four-fifths comparison. */
    boolean compared() {
        return compared;
    }

    static AgeBand of(int age) {
        if (age < 18) return UNDER_18;
        if (age < 25) return FROM_18;
        if (age < 35) return FROM_25;
        if (age < 45) return FROM_35;
        if (age < 55) return FROM_45;
        if (age < 65) return FROM_55;
        return FROM_65;
    }
}

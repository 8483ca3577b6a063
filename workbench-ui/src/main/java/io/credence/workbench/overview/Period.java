package io.credence.workbench.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The stretch of time the overview's figures count: [{@code from}, {@code to}). */
record Period(Instant from, Instant to) {

    /** The choices above the cards; CUSTOM reads two dates. */
    enum Choice {
        TODAY,
        LAST_7_DAYS,
        LAST_30_DAYS,
        CUSTOM
    }

    Period {
        if (!to.isAfter(from))
            throw new IllegalArgumentException("A period ends after it starts: " + from + " to " + to);
    }

    /** Since midnight UTC, the day the engine's figures have always counted, until now. */
    static Period today(Clock clock) {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new Period(midnight, now.plusMillis(1));
    }

    static Period lastDays(int days, Clock clock) {
        Instant now = clock.instant();
        return new Period(now.minus(Duration.ofDays(days)), now.plusMillis(1));
    }
}

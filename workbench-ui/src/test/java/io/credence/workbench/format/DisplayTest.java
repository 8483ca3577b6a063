package io.credence.workbench.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DisplayTest {

    private final Display britain = new Display(Locale.UK, ZoneId.of("Europe/London"));

    @Test
    void amounts_carry_the_market_currency_with_its_own_decimals() {
        assertThat(britain.money(new BigDecimal("150000"), "INR")).isEqualTo("₹150,000.00");
        assertThat(britain.money(new BigDecimal("8000"), "GBP")).isEqualTo("£8,000.00");
        assertThat(new Display(Locale.GERMANY, ZoneOffset.UTC).money(new BigDecimal("1234.5"), "EUR"))
                .isEqualTo("1.234,50\u00a0€");
    }

    @Test
    void a_missing_amount_or_rate_is_a_dash() {
        assertThat(britain.money(null, "INR")).isEqualTo("—");
        assertThat(britain.percent((BigDecimal) null)).isEqualTo("—");
    }

    @Test
    void rates_are_percentages_with_one_decimal() {
        assertThat(britain.percent(new BigDecimal("0.189"))).isEqualTo("18.9%");
        assertThat(britain.percent(1.0 / 3)).isEqualTo("33.3%");
    }

    @Test
    void engine_time_is_in_microseconds_below_a_millisecond_and_milliseconds_above() {
        assertThat(britain.micros(410)).isEqualTo("410 µs");
        assertThat(britain.micros(1254)).isEqualTo("1.25 ms");
        assertThat(britain.micros(23_490)).isEqualTo("23.49 ms");
    }

    @Test
    void times_are_shown_in_the_viewers_zone_and_locale() {
        Instant noonUtc = Instant.parse("2026-07-01T12:00:00Z");
        assertThat(britain.dateTime(noonUtc)).isEqualTo("1 Jul 2026, 13:00:00");
        assertThat(new Display(Locale.US, ZoneId.of("America/New_York")).dateTime(noonUtc))
                .isEqualTo("Jul 1, 2026, 8:00:00\u202fAM");
    }

    @Test
    void a_day_filter_covers_the_whole_day_in_the_viewers_zone() {
        LocalDate day = LocalDate.of(2026, 7, 1);
        assertThat(britain.startOf(day)).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
        assertThat(britain.endOf(day)).isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
        assertThat(britain.startOf(null)).isNull();
    }

    @Test
    void a_digest_is_shortened_to_twelve_hex_digits() {
        assertThat(Display.shortDigest("sha256:8689c4b6510dcedb5a783ee16fc3fb34"))
                .isEqualTo("8689c4b6510d");
        assertThat(Display.shortDigest(null)).isEqualTo("—");
    }

    @Test
    void markets_are_named_after_their_country() {
        assertThat(MarketNames.country("IN")).isEqualTo("India");
        assertThat(MarketNames.country("GB")).isEqualTo("United Kingdom");
        assertThat(MarketNames.country("XX")).isEqualTo("XX");
    }
}

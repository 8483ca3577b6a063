package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final LocalDate EXPIRY = LocalDate.of(2027, 6, 30);

    @Test
    void a_key_works_until_the_day_before_its_expiry_and_not_on_it() {
        ApiKey key = key(List.of(), EXPIRY);

        assertThat(key.expiredOn(EXPIRY.minusDays(1))).isFalse();
        assertThat(key.expiredOn(EXPIRY)).isTrue();
        assertThat(key.expiredOn(EXPIRY.plusDays(1))).isTrue();
        assertThat(key(List.of(), null).expiredOn(LocalDate.MAX))
                .as("no expiry")
                .isFalse();
    }

    @Test
    void a_key_with_no_markets_listed_may_use_every_market_and_one_with_markets_only_those() {
        assertThat(key(List.of(), null).mayUse("IN")).isTrue();
        assertThat(key(List.of("IN", "MX"), null).mayUse("MX")).isTrue();
        assertThat(key(List.of("IN", "MX"), null).mayUse("BR")).isFalse();
    }

    @Test
    void a_market_the_key_may_not_use_is_refused_naming_the_key_the_market_and_its_markets() {
        ApiKeyPrincipal caller = new ApiKeyPrincipal("id", "branch-app", List.of("IN", "MX"));

        caller.requireMarket("IN");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> caller.requireMarket("BR")))
                .isInstanceOf(MarketNotAllowedException.class)
                .hasMessage("API key 'branch-app' may not be used for market BR; it is limited to IN, MX.");
    }

    private static ApiKey key(List<String> markets, LocalDate expiresOn) {
        return new ApiKey("id", "name", "admin", Instant.EPOCH, null, null, markets, expiresOn);
    }
}

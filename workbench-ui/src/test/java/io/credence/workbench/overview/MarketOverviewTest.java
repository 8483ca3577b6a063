package io.credence.workbench.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.decision.MarketActivity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketOverviewTest {

    @Test
    void every_market_is_shown_in_code_order_with_zero_activity_where_nothing_was_decided() {
        var markets = MarketOverview.of(
                List.of("IN", "GB", "BR"),
                Map.of(
                        "IN",
                        new MarketOverview.Champion("INR", 3, "sha256:ab"),
                        "GB",
                        new MarketOverview.Champion("GBP", 1, "sha256:cd")),
                Map.of("IN", "v4 · SPLIT 10%"),
                List.of(new MarketActivity("IN", 10, 6, 3, 1, 420.0, 900)));

        assertThat(markets).extracting(MarketOverview::market).containsExactly("BR", "GB", "IN");
        assertThat(markets.get(2).today().approvalRate()).isEqualTo(0.6);
        assertThat(markets.get(2).championVersion()).isEqualTo(3);
        assertThat(markets.get(1).hasDecisions()).isFalse();
        assertThat(markets.get(1).today().decisions()).isZero();
        assertThat(markets.get(2).experiment()).isEqualTo("v4 · SPLIT 10%");
        assertThat(markets.get(1).experiment()).isNull();
    }

    @Test
    void a_market_with_versions_but_nothing_deployed_has_no_champion() {
        var markets = MarketOverview.of(List.of("MX"), Map.of(), Map.of(), List.of());

        assertThat(markets.getFirst().championVersion()).isNull();
        assertThat(markets.getFirst().currency()).isNull();
        assertThat(markets.getFirst().experiment()).isNull();
    }
}

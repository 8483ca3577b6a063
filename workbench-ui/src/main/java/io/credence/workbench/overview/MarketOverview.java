package io.credence.workbench.overview;

import io.credence.decision.MarketActivity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One market on the overview: what serves it and how today went.
 *
 * @param championVersion null when nothing is deployed
 * @param experiment a description of the running experiment, null when none runs
 */
record MarketOverview(
        String market,
        String currency,
        Integer championVersion,
        String championDigest,
        String experiment,
        MarketActivity today) {

    record Champion(String currency, int version, String digest) {}

    boolean hasDecisions() {
        return today.decisions() > 0;
    }

    /** Every market that has versions or a champion, in code order, with zero activity where none was logged. */
    static List<MarketOverview> of(
            Collection<String> markets,
            Map<String, Champion> champions,
            Map<String, String> experiments,
            List<MarketActivity> activity) {
        Map<String, MarketActivity> byMarket =
                activity.stream().collect(Collectors.toMap(MarketActivity::market, Function.identity()));
        TreeSet<String> all = new TreeSet<>(markets);
        all.addAll(champions.keySet());
        return all.stream()
                .map(market -> {
                    Champion champion = champions.get(market);
                    MarketActivity today = byMarket.getOrDefault(market, new MarketActivity(market, 0, 0, 0, 0, 0, 0));
                    return champion == null
                            ? new MarketOverview(market, null, null, null, null, today)
                            : new MarketOverview(
                                    market,
                                    champion.currency(),
                                    champion.version(),
                                    champion.digest(),
                                    experiments.get(market),
                                    today);
                })
                .toList();
    }
}

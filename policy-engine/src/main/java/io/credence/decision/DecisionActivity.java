package io.credence.decision;

import io.credence.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How busy each market has been: decisions, outcomes and engine time, for the workbench overview. */
@Service
public class DecisionActivity {

    /** The latest durations a market's 95th percentile is taken over. */
    private static final int P95_SAMPLE = 2000;

    private final DecisionSearchQueries queries;
    private final Clock clock;

    DecisionActivity(DecisionSearchQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Decisions per market since midnight UTC. */
    public List<MarketActivity> today() {
        return since(startOfToday());
    }

    /** Midnight UTC today, by the engine's clock. */
    public Instant startOfToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** Decisions per market since {@code since}, up to now. */
    public List<MarketActivity> since(Instant since) {
        return between(since, clock.instant().plusMillis(1));
    }

    /** Decisions per market evaluated in [{@code from}, {@code to}): outcome counts, mean and p95 engine time. */
    @Transactional(readOnly = true)
    public List<MarketActivity> between(Instant from, Instant to) {
        if (!to.isAfter(from)) throw new InvalidRequestException("until", "must be after since");
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> sums = new HashMap<>();
        for (DecisionSearchQueries.OutcomeCount row : queries.outcomes(from, to)) {
            long[] c = counts.computeIfAbsent(row.market(), m -> new long[4]);
            int slot = switch (row.outcome()) {
                case "APPROVE" -> 1;
                case "DECLINE" -> 2;
                default -> 3;
            };
            c[0] += row.count();
            c[slot] += row.count();
            sums.computeIfAbsent(row.market(), m -> new double[1])[0] += row.meanMicros() * row.count();
        }
        List<MarketActivity> result = new ArrayList<>();
        counts.forEach((market, c) -> {
            // p95 of the period's latest 2000 decisions: a bounded read whatever the period's length.
            List<Long> durations = new ArrayList<>(queries.latestDurations(market, from, to, P95_SAMPLE));
            Collections.sort(durations);
            long p95 = durations.isEmpty()
                    ? 0
                    : durations.get((int) Math.min(durations.size() - 1, Math.ceil(durations.size() * 0.95) - 1));
            result.add(new MarketActivity(market, c[0], c[1], c[2], c[3], sums.get(market)[0] / c[0], p95));
        });
        return result;
    }
}

package io.credence.decision;

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

/** How busy each market has been: decisions, outcomes and engine time, for the workbench overview. */
@Service
public class DecisionActivity {

    /** The latest durations a market's 95th percentile is taken over. */
    private static final int P95_SAMPLE = 2000;

    private final DecisionRepository repository;
    private final Clock clock;

    DecisionActivity(DecisionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Decisions per market since midnight UTC. */
    public List<MarketActivity> today() {
        return since(LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Decisions per market since {@code since}. */
    public List<MarketActivity> since(Instant since) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> sums = new HashMap<>();
        for (DecisionRepository.OutcomeCount row : repository.outcomesSince(since)) {
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
            List<Long> durations = new ArrayList<>(repository.recentDurations(market, since, P95_SAMPLE));
            Collections.sort(durations);
            long p95 = durations.isEmpty() ? 0
                    : durations.get((int) Math.min(durations.size() - 1, Math.ceil(durations.size() * 0.95) - 1));
            result.add(new MarketActivity(market, c[0], c[1], c[2], c[3], c[0] == 0 ? 0 : sums.get(market)[0] / c[0], p95));
        });
        return result;
    }
}

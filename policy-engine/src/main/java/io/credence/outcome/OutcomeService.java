package io.credence.outcome;

import io.credence.audit.AuditTrail;
import io.credence.deployment.ChampionRegistry;
import io.credence.engine.MarketSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Takes outcome batches: every record is checked on its own (fields, then against its decision), the
 * valid ones stored per market in one transaction with one audit entry, and each touched loan's
 * summary recomputed from all its observations with the market's performance definition.
 */
@Service
public class OutcomeService {

    private static final Logger log = LoggerFactory.getLogger(OutcomeService.class);

    private final OutcomeRepository repository;
    private final DecisionFacts decisions;
    private final ChampionRegistry champions;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeService(
            OutcomeRepository repository,
            DecisionFacts decisions,
            ChampionRegistry champions,
            AuditTrail audit,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.decisions = decisions;
        this.champions = champions;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** The same records as a CSV file with the API's field names as columns (the workbench's upload). */
    public OutcomeBatchResult ingestCsv(String actor, java.io.InputStream csv) {
        return ingest(actor, OutcomeCsv.batch(csv));
    }

    public OutcomeBatchResult ingest(String actor, JsonNode body) {
        return ingest(actor, body, market -> true);
    }

    /** Records only for decisions in the markets {@code mayReportOn} accepts (an API key's); the rest are rejected. */
    public OutcomeBatchResult ingest(String actor, JsonNode body, Predicate<String> mayReportOn) {
        OutcomeRecords.Batch batch = OutcomeRecords.read(body);
        List<RejectedOutcome> rejected = new ArrayList<>(batch.rejected());
        Set<String> ids = new LinkedHashSet<>();
        batch.valid().forEach(p -> ids.add(p.observation().applicationId()));
        Map<String, DecidedApplication> decided = decisions.find(ids);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

        Map<String, Map<String, Observation>> byMarket = new TreeMap<>();
        Map<String, DecidedApplication> touched = new LinkedHashMap<>();
        int accepted = 0;
        for (OutcomeRecords.Parsed parsed : batch.valid()) {
            Observation o = parsed.observation();
            DecidedApplication decision = decided.get(o.applicationId());
            if (decision != null && !mayReportOn.test(decision.market())) {
                OutcomeRecords.rejectWhole(
                        rejected,
                        parsed.index(),
                        "applicationId",
                        "application " + o.applicationId() + " was decided in market " + decision.market()
                                + ", which this API key may not be used for");
                continue;
            }
            if (refused(o, decision, today, rejected, parsed.index())) continue;
            // The same (application, asOf) twice in one batch: the later record replaces the earlier, as a
            // later batch would.
            byMarket.computeIfAbsent(decision.market(), m -> new LinkedHashMap<>())
                    .put(o.applicationId() + "|" + o.asOf(), o);
            touched.put(o.applicationId(), decision);
            accepted++;
        }
        Instant received = clock.instant();
        for (var market : byMarket.entrySet()) {
            store(actor, market.getKey(), List.copyOf(market.getValue().values()), touched, received);
        }
        rejected.sort(Comparator.comparingInt(RejectedOutcome::index));
        return new OutcomeBatchResult(accepted, List.copyOf(rejected));
    }

    /** Whether a well-formed record cannot be stored against its decision; if so, says why in the rejections. */
    private static boolean refused(
            Observation o, DecidedApplication decision, LocalDate today, List<RejectedOutcome> rejected, int index) {
        String field;
        String message;
        if (decision == null) {
            field = "applicationId";
            message = "no decision was made for application " + o.applicationId();
        } else if (o.asOf().isAfter(today)) {
            field = "asOf";
            message = o.asOf() + " is in the future (today is " + today + " UTC)";
        } else if (o.asOf().isBefore(decided(decision))) {
            field = "asOf";
            message = o.asOf() + " is before the decision of " + decided(decision);
        } else if (o.funded() && o.fundedAt().isBefore(decided(decision))) {
            field = "fundedAt";
            message = o.fundedAt() + " is before the decision of " + decided(decision);
        } else if (o.funded() && "DECLINE".equals(decision.decision())) {
            field = "funded";
            message = "application " + o.applicationId() + " was declined; a declined application has no loan";
        } else {
            return false;
        }
        OutcomeRecords.rejectWhole(rejected, index, field, message);
        return true;
    }

    private static LocalDate decided(DecidedApplication decision) {
        return LocalDate.ofInstant(decision.decidedAt(), ZoneOffset.UTC);
    }

    private void store(
            String actor,
            String market,
            List<Observation> observations,
            Map<String, DecidedApplication> decisions,
            Instant received) {
        MarketSettings.Performance definition = definition(market);
        repository.ensurePartitions(market);
        int loanCount = tx.execute(status -> {
            repository.replaceObservations(market, observations, received);
            Set<String> ids = new LinkedHashSet<>();
            observations.forEach(o -> ids.add(o.applicationId()));
            Map<String, List<Observation>> history = new LinkedHashMap<>();
            for (Observation o : repository.observationsOf(market, ids)) {
                history.computeIfAbsent(o.applicationId(), id -> new ArrayList<>())
                        .add(o);
            }
            List<LoanPerformance> loans = new ArrayList<>();
            history.forEach((id, seen) -> loans.add(LoanPerformance.of(decisions.get(id), seen, definition)));
            repository.replacePerformance(market, loans);
            audit.record(
                    actor,
                    market,
                    "OUTCOMES_RECEIVED",
                    "outcomes",
                    String.format(
                            Locale.ROOT,
                            "%d outcome record(s) for %d loan(s), bad at %d days past due, window %d months",
                            observations.size(),
                            loans.size(),
                            definition.badDaysPastDue(),
                            definition.windowMonths()));
            return loans.size();
        });
        events.publishEvent(new OutcomesReceived(market, observations.size(), loanCount, received));
        log.info("{} sent {} outcome record(s) for {}", actor, observations.size(), market);
    }

    /** The market's performance definition, as its champion's market.json states it. */
    MarketSettings.Performance definition(String market) {
        return champions
                .champion(market)
                .map(c -> c.settings().performance())
                .orElse(MarketSettings.Performance.DEFAULT);
    }
}

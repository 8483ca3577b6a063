package io.credence.fraud;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.credence.audit.AuditTrail;
import io.credence.cluster.ClusterSignals;
import io.credence.engine.Enrichment;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.vocabulary.ListMatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fraud lists, held in memory for the decision path (a hash lookup, no query) and reloaded after
 * every change and every few seconds, so a change made through another instance arrives too.
 */
@Service
public class FraudLists {

    private static final Set<String> LISTS = Set.of(ListMatch.CUSTOMER, ListMatch.DEVICE);
    /** The market code of entries that apply in every market: a customer banned everywhere is listed once. */
    public static final String EVERY_MARKET = "ALL";
    /** The columns of a fraud-list CSV, import and export alike. */
    public static final List<String> CSV_COLUMNS = List.of("list", "entry", "reason", "expiresAt");

    static final int MAX_IMPORT_ROWS = 10_000;

    private final FraudListRepository repository;
    private static final String TOPIC = "fraud-lists";

    private final AuditTrail audit;
    private final ClusterSignals cluster;
    private final Clock clock;
    private volatile Map<String, List<FraudListEntry>> index = Map.of();

    FraudLists(FraudListRepository repository, AuditTrail audit, ClusterSignals cluster, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.cluster = cluster;
        this.clock = clock;
        cluster.subscribe(TOPIC, this::reload);
    }

    /** The unexpired entries matching this customer or device in this market. */
    public List<Enrichment.ListHit> matches(String market, String customerId, String deviceFingerprint) {
        Map<String, List<FraudListEntry>> current = index;
        if (current.isEmpty()) return List.of();
        List<Enrichment.ListHit> hits = new ArrayList<>(0);
        Instant now = clock.instant();
        collect(current.get(key(market, ListMatch.CUSTOMER, customerId)), now, hits);
        collect(current.get(key(market, ListMatch.DEVICE, deviceFingerprint)), now, hits);
        collect(current.get(key(EVERY_MARKET, ListMatch.CUSTOMER, customerId)), now, hits);
        collect(current.get(key(EVERY_MARKET, ListMatch.DEVICE, deviceFingerprint)), now, hits);
        return hits;
    }

    private static void collect(List<FraudListEntry> entries, Instant now, List<Enrichment.ListHit> hits) {
        if (entries == null) return;
        for (FraudListEntry e : entries) {
            if (e.activeAt(now)) hits.add(new Enrichment.ListHit(e.list(), e.reason()));
        }
    }

    @Transactional(readOnly = true)
    public List<FraudListEntry> list(String market) {
        return repository.active(market);
    }

    @Transactional
    public FraudListEntry add(String actor, String market, NewFraudListEntry request) {
        List<FieldProblem> problems = problems(market, request, "");
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return insert(actor, market, request);
    }

    /**
     * Adds every line of a CSV ({@link #CSV_COLUMNS}, header first) to a market's lists, or to
     * {@link #EVERY_MARKET}'s, all or nothing: one bad line refuses the file, naming each bad line.
     */
    @Transactional
    public List<FraudListEntry> importCsv(String actor, String market, String csv) {
        if (market == null || !(market.matches("[A-Z]{2}") || market.equals(EVERY_MARKET))) {
            throw new InvalidRequestException("market", "must be a two-letter market code, or " + EVERY_MARKET);
        }
        List<NewFraudListEntry> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        List<CsvRecord> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv == null ? "" : csv)) {
            records = reader.stream().toList();
        } catch (CsvParseException | java.io.IOException e) {
            throw new InvalidRequestException("file", "is not a CSV: " + e.getMessage());
        }
        if (records.isEmpty()
                || !records.getFirst().getFields().stream()
                        .map(String::strip)
                        .toList()
                        .equals(CSV_COLUMNS)) {
            throw new InvalidRequestException("file", "must start with the header " + String.join(",", CSV_COLUMNS));
        }
        if (records.size() - 1 > MAX_IMPORT_ROWS) {
            throw new InvalidRequestException(
                    "file", "has " + (records.size() - 1) + " entries; at most " + MAX_IMPORT_ROWS);
        }
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.getFields().size() == 1 && record.getField(0).isBlank()) continue;
            String where = "line " + record.getStartingLineNumber() + " ";
            if (record.getFieldCount() != CSV_COLUMNS.size()) {
                problems.add(new FieldProblem(
                        where.strip(), "has " + record.getFieldCount() + " cells, expected " + CSV_COLUMNS.size()));
                continue;
            }
            Instant expires = null;
            String expiresText = record.getField(3).strip();
            if (!expiresText.isEmpty()) {
                try {
                    expires = Instant.parse(expiresText);
                } catch (java.time.format.DateTimeParseException e) {
                    problems.add(new FieldProblem(
                            where + "expiresAt", "must be an ISO-8601 instant like 2027-01-31T00:00:00Z"));
                    continue;
                }
            }
            NewFraudListEntry row = new NewFraudListEntry(
                    record.getField(0).strip().toUpperCase(java.util.Locale.ROOT),
                    record.getField(1).strip(),
                    record.getField(2).strip(),
                    expires);
            problems.addAll(problems(market, row, where));
            rows.add(row);
        }
        if (rows.isEmpty() && problems.isEmpty())
            throw new InvalidRequestException("file", "has no entries after the header");
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return rows.stream().map(row -> insert(actor, market, row)).toList();
    }

    /** The active entries of a market (or of every market) as the CSV {@link #importCsv} reads. */
    @Transactional(readOnly = true)
    public String exportCsv(String market) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            writer.writeRecord(CSV_COLUMNS);
            for (FraudListEntry e : repository.active(market)) {
                writer.writeRecord(
                        e.list(),
                        e.entry(),
                        e.reason(),
                        e.expiresAt() == null ? "" : e.expiresAt().toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<FieldProblem> problems(String market, NewFraudListEntry request, String where) {
        List<FieldProblem> problems = new ArrayList<>();
        if (market == null || !(market.matches("[A-Z]{2}") || market.equals(EVERY_MARKET))) {
            problems.add(new FieldProblem(
                    "market", "must be a two-letter market code, or " + EVERY_MARKET + " for every market"));
        }
        if (request.list() == null || !LISTS.contains(request.list()))
            problems.add(new FieldProblem(where + "list", "must be CUSTOMER or DEVICE"));
        if (request.entry() == null
                || request.entry().isBlank()
                || request.entry().length() > 256) {
            problems.add(new FieldProblem(where + "entry", "is required, at most 256 characters"));
        }
        if (request.reason() == null
                || request.reason().isBlank()
                || request.reason().length() > 500) {
            problems.add(new FieldProblem(where + "reason", "is required, at most 500 characters"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            problems.add(new FieldProblem(where + "expiresAt", "must be in the future"));
        }
        return problems;
    }

    private FraudListEntry insert(String actor, String market, NewFraudListEntry request) {
        FraudListEntry entry = new FraudListEntry(
                UUID.randomUUID().toString(),
                market,
                request.list(),
                request.entry(),
                request.reason(),
                request.expiresAt(),
                actor,
                clock.instant());
        repository.insert(entry);
        audit.record(actor, market, "FRAUD_LIST_ADDED", request.list() + " " + entry.id(), request.reason());
        cluster.announce(TOPIC);
        reloadAfterCommit();
        return entry;
    }

    @Transactional
    public void remove(String actor, String market, String id) {
        FraudListEntry entry = repository
                .find(id)
                .filter(e -> e.market().equals(market))
                .orElseThrow(() -> new NotFoundException("No fraud-list entry " + id + " in " + market + "."));
        repository.remove(id, actor, clock.instant());
        audit.record(actor, market, "FRAUD_LIST_REMOVED", entry.list() + " " + id, entry.reason());
        cluster.announce(TOPIC);
        reloadAfterCommit();
    }

    @Scheduled(fixedDelayString = "${credence.cluster.poll-ms:2000}", initialDelay = 0)
    @Transactional(readOnly = true)
    public void reload() {
        Map<String, List<FraudListEntry>> fresh = new HashMap<>();
        for (FraudListEntry e : repository.allActive()) {
            fresh.computeIfAbsent(key(e.market(), e.list(), e.entry()), k -> new ArrayList<>())
                    .add(e);
        }
        index = fresh;
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }

    private static String key(String market, String list, String value) {
        return market + '\u0000' + list + '\u0000' + value;
    }
}

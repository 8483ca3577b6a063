package io.credence.simulation;

import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyPackage;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtests run outside the service, on Apache Spark (the backtest-spark jar): exports the spec they run
 * (both versions' artifacts and digests) and accepts the report they send back, which then lists with the
 * service's own runs, marked with the source "spark". A report is accepted only for versions that exist
 * with exactly the digests it was decided with, and only when its figures add up.
 */
@Service
class SparkBacktestService {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Set<String> OUTCOMES = Set.copyOf(Tally.OUTCOMES);

    private final SimulationRepository repository;
    private final SimulationRunner runner;
    private final PolicyService policies;
    private final ChampionRegistry champions;
    private final SimulationService simulations;
    private final JsonMapper json;
    private final Clock clock;

    SparkBacktestService(
            SimulationRepository repository,
            SimulationRunner runner,
            PolicyService policies,
            ChampionRegistry champions,
            SimulationService simulations,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.policies = policies;
        this.champions = champions;
        this.simulations = simulations;
        this.json = json;
        this.clock = clock;
    }

    /** The spec of a backtest of {@code version} against {@code against} (default: the champion). */
    BacktestSpec spec(String market, Integer version, Integer against, Integer minBandCount) {
        requireMarket(market);
        List<FieldProblem> problems = new ArrayList<>();
        if (version == null) problems.add(new FieldProblem("version", "is required: the candidate version to test"));
        else if (!exists(market, version))
            problems.add(new FieldProblem("version", "market " + market + " has no version " + version));
        Integer baseline = against != null
                ? against
                : champions.champion(market).map(CompiledPolicy::version).orElse(null);
        if (baseline == null) {
            problems.add(
                    new FieldProblem("against", "is required: market " + market + " has no champion to compare with"));
        } else if (!exists(market, baseline)) {
            problems.add(new FieldProblem("against", "market " + market + " has no version " + baseline));
        }
        int bands = minBandCount == null ? SimulationRequest.DEFAULT_MIN_BAND_COUNT : minBandCount;
        if (bands < 1 || bands > SimulationRequest.MAX_LIMIT) {
            problems.add(new FieldProblem("minBandCount", "must be between 1 and " + SimulationRequest.MAX_LIMIT));
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        List<BacktestSpec.Policy> included = new ArrayList<>();
        included.add(policy(market, version));
        if (!baseline.equals(version)) included.add(policy(market, baseline));
        return new BacktestSpec(market, version, baseline, bands, included);
    }

    private BacktestSpec.Policy policy(String market, int version) {
        // verifiedPackage refuses a version whose stored artifacts no longer match its digest.
        PolicyPackage verified = policies.verifiedPackage(market, version);
        PolicyVersion stored = policies.get(market, version);
        return new BacktestSpec.Policy(version, stored.status().name(), verified.digest(), verified.artifacts());
    }

    /** Checks and stores an uploaded report; returns the run as GET …/simulations/{id} shows it. */
    Simulation accept(String actor, String market, String body) {
        requireMarket(market);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException(
                    "$", "must be the report.json the Spark backtest wrote: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("$", "must be the report.json the Spark backtest wrote (a JSON object)");
        }
        List<FieldProblem> problems = new ArrayList<>();
        text(root, "market", problems)
                .filter(m -> !m.equals(market))
                .ifPresent(m -> problems.add(new FieldProblem(
                        "market", "is " + shorten(m) + " but the report was sent to market " + market)));
        text(root, "source", problems)
                .filter(s -> !s.equals(SimulationRequest.SPARK))
                .ifPresent(s -> problems.add(
                        new FieldProblem("source", "must be spark: only backtests run on Spark are uploaded")));
        text(root, "status", problems)
                .filter(s -> !s.equals(SimulationStatus.COMPLETED.name()))
                .ifPresent(s -> problems.add(
                        new FieldProblem("status", "must be COMPLETED: only a finished backtest has a report")));
        String fileName = text(root, "fileName", problems)
                .map(SparkBacktestService::cleanName)
                .orElse(null);
        Integer version = version(market, root, "version", "versionDigest", problems);
        Integer against = version(market, root, "against", "againstDigest", problems);
        Instant startedAt = instant(root, "startedAt", problems);
        Instant finishedAt = instant(root, "finishedAt", problems);

        SimulationReport report = null;
        try {
            report = json.readerFor(SimulationReport.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(root);
        } catch (JacksonException e) {
            problems.add(new FieldProblem(
                    e.getPathReference() == null ? "$" : e.getPathReference(),
                    "cannot be read: " + e.getOriginalMessage()));
        }
        if (report != null) problems.addAll(figures(report, version, against));
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);

        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SimulationRequest request =
                new SimulationRequest(version, against, SimulationRequest.SPARK, null, report.minBandCount());
        repository.insertCompleted(
                id,
                market,
                version,
                against,
                root.get("versionDigest").asString(),
                root.get("againstDigest").asString(),
                SimulationRequest.SPARK,
                fileName,
                json.writeValueAsString(request),
                report,
                json.writeValueAsString(report),
                actor,
                startedAt,
                finishedAt,
                now,
                runner.instanceId());
        return simulations.get(market, id);
    }

    /** A version the report names: it must exist, and have exactly the digest the report was decided with. */
    private Integer version(
            String market, JsonNode root, String field, String digestField, List<FieldProblem> problems) {
        JsonNode number = root.get(field);
        if (number == null || !number.isInt()) {
            problems.add(new FieldProblem(field, "is required: a version number"));
            return null;
        }
        int version = number.intValue();
        String digest = text(root, digestField, problems).orElse(null);
        PolicyVersion stored;
        try {
            stored = policies.get(market, version);
        } catch (NotFoundException e) {
            problems.add(new FieldProblem(field, "market " + market + " has no version " + version));
            return version;
        }
        if (digest != null && !digest.equals(stored.digest())) {
            problems.add(new FieldProblem(
                    digestField,
                    "is " + shorten(digest) + " but version " + version + " is " + stored.digest()
                            + ": the version changed after the spec was exported; export it again and rerun"));
        }
        return version;
    }

    /** The figures must add up, so that a report edited by hand or cut short is not shown as a backtest. */
    private static List<FieldProblem> figures(SimulationReport report, Integer version, Integer against) {
        List<FieldProblem> problems = new ArrayList<>();
        if (report.rowsRead() < 0
                || report.rowsDecided() < 0
                || report.rowsInvalid() < 0
                || report.rowsRead() != report.rowsDecided() + report.rowsInvalid()) {
            problems.add(new FieldProblem("rowsRead", "must be rowsDecided + rowsInvalid, none negative"));
        }
        Map<String, Map<String, Long>> matrix = report.matrix();
        long cells = 0;
        boolean complete = matrix != null && matrix.keySet().equals(OUTCOMES);
        if (complete) {
            for (Map<String, Long> row : matrix.values()) {
                if (row == null || !row.keySet().equals(OUTCOMES)) {
                    complete = false;
                    break;
                }
                for (Long count : row.values()) {
                    if (count == null || count < 0) complete = false;
                    else cells += count;
                }
            }
        }
        if (!complete) {
            problems.add(
                    new FieldProblem("matrix", "must count every pair of APPROVE, DECLINE and REFER, none negative"));
        } else if (cells != report.rowsDecided()) {
            problems.add(
                    new FieldProblem("matrix", "adds up to " + cells + " but rowsDecided is " + report.rowsDecided()));
        }
        if (report.minBandCount() < 1) problems.add(new FieldProblem("minBandCount", "must be at least 1"));
        if (report.stats() == null
                || report.stats().against() == null
                || report.stats().candidate() == null) {
            problems.add(new FieldProblem("stats", "is required: each version's outcomes"));
        } else {
            if (against != null && report.stats().against().version() != against) {
                problems.add(new FieldProblem("stats.against.version", "must be " + against + ", the against version"));
            }
            if (version != null && report.stats().candidate().version() != version) {
                problems.add(
                        new FieldProblem("stats.candidate.version", "must be " + version + ", the candidate version"));
            }
        }
        return problems;
    }

    private static Optional<String> text(JsonNode root, String field, List<FieldProblem> problems) {
        JsonNode value = root.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    private static Instant instant(JsonNode root, String field, List<FieldProblem> problems) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) return null;
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2026-12-03T21:00:00Z"));
            return null;
        }
    }

    private boolean exists(String market, int version) {
        try {
            policies.get(market, version);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void requireMarket(String market) {
        if (market == null
                || !MARKET.matcher(market).matches()
                || policies.list(market).isEmpty()) {
            throw new NotFoundException("No market " + shorten(market) + ".");
        }
    }

    private static String cleanName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .strip();
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}

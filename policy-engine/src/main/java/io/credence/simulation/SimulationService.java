package io.credence.simulation;

import io.credence.decision.DecisionLog;
import io.credence.deployment.ChampionRegistry;
import io.credence.engine.CompiledPolicy;
import io.credence.outcome.OutcomeLabels;
import io.credence.policy.PolicyService;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts backtests and finds their results, for the REST API and the workbench alike. Starting checks
 * the request and stores the run as QUEUED; everything slow (compiling the versions, reading the
 * rows, deciding them) happens in the background.
 */
@Service
public class SimulationService {

    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);
    /** Uploads beyond this are refused; the multipart limits in application.yml say the same. */
    public static final long MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

    private static final String DEMO = "demo/german-credit-%s.csv";
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final SimulationRepository repository;
    private final SimulationRunner runner;
    private final PolicyService policies;
    private final ChampionRegistry champions;
    private final DecisionLog decisions;
    private final OutcomeLabels outcomeLabels;
    private final JsonMapper json;
    private final Path uploads;
    private final Clock clock;

    SimulationService(
            SimulationRepository repository,
            SimulationRunner runner,
            PolicyService policies,
            ChampionRegistry champions,
            DecisionLog decisions,
            OutcomeLabels outcomeLabels,
            JsonMapper json,
            Clock clock,
            @Value("${credence.data-dir:./data}") String dataDir) {
        this.repository = repository;
        this.runner = runner;
        this.policies = policies;
        this.champions = champions;
        this.decisions = decisions;
        this.outcomeLabels = outcomeLabels;
        this.json = json;
        this.clock = clock;
        this.uploads = Path.of(dataDir).resolve("simulations");
    }

    /** Backtests on the latest logged requests ({@code source} "decisions") or the shipped demo dataset ("demo"). */
    public SimulationCreated start(String actor, String market, SimulationRequest request) {
        SimulationRequest checked = check(market, request);
        String source = request.source();
        if (source == null || source.isBlank()) {
            throw new InvalidRequestException(
                    "source",
                    "is required: decisions or demo (a CSV is uploaded as "
                            + "multipart/form-data with the parts request and file)");
        }
        return switch (source) {
            case SimulationRequest.DECISIONS -> {
                int limit = checked.limit();
                // A run over nothing would report a matrix of zeros as if it meant something.
                if (!hasLoggedDecisions(market)) {
                    throw new InvalidRequestException(
                            "source",
                            "market " + market + " has no logged decisions to "
                                    + "replay yet; upload a CSV of applications instead (the columns and an example row: "
                                    + "GET /api/v1/markets/" + market + "/simulations/template.csv)");
                }
                yield submit(
                        actor,
                        market,
                        checked,
                        null,
                        () -> new LoggedRowSource(
                                decisions.recentRequests(market, limit),
                                decisions.countReplayable(market, limit),
                                ids -> outcomeLabels.labels(market, ids)),
                        () -> {});
            }
            case SimulationRequest.DEMO -> {
                byte[] demo = demo(market)
                        .orElseThrow(() -> new InvalidRequestException(
                                "source",
                                "no demo dataset ships for market " + market
                                        + "; the German credit demo is mapped onto "
                                        + String.join(", ", demoMarkets())));
                yield submit(
                        actor,
                        market,
                        withLimit(checked, null),
                        demoFileName(market),
                        () -> new CsvRowSource(new ByteArrayInputStream(demo), demo.length),
                        () -> {});
            }
            case SimulationRequest.CSV ->
                throw new InvalidRequestException(
                        "source", "a CSV is uploaded as multipart/form-data with the parts request and file");
            default -> throw new InvalidRequestException("source", "must be decisions or demo");
        };
    }

    /**
     * Backtests on an uploaded CSV of applications. The file is copied to the data directory first, so the
     * request can finish while the run reads it; it is deleted when the run ends.
     */
    public SimulationCreated startUpload(
            String actor, String market, SimulationRequest request, String fileName, InputStream content) {
        SimulationRequest checked = withLimit(check(market, request), null);
        String id = UUID.randomUUID().toString();
        Path file = uploads.resolve(id + ".csv");
        long size = copy(content, file);
        return submit(
                id,
                actor,
                market,
                new SimulationRequest(
                        checked.version(), checked.against(), SimulationRequest.CSV, null, checked.minBandCount()),
                cleanName(fileName),
                () -> new CsvRowSource(Files.newInputStream(file), size),
                () -> delete(file));
    }

    public Simulation get(String market, String id) {
        SimulationRepository.Stored run = (id == null || !ID.matcher(id).matches()
                        ? Optional.<SimulationRepository.Stored>empty()
                        : repository.find(id))
                .filter(r -> r.market().equals(market))
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no backtest " + shorten(id) + "."));
        return view(run);
    }

    /** The market's backtests, newest first, optionally of one candidate version; without their row lists. */
    public List<Simulation> list(String market, Integer version, int limit) {
        requireMarketCode(market);
        return repository.list(market, version, Math.max(1, Math.min(limit, 100))).stream()
                .map(run -> view(run).summary())
                .toList();
    }

    /** The latest completed backtest of {@code version} as the candidate: what the reviewer sees next to the diff. */
    public Optional<Simulation> latest(String market, int version) {
        requireMarketCode(market);
        return repository.latestCompleted(market, version).map(run -> view(run));
    }

    /** Whether the German credit demo dataset ships for the market. */
    public boolean hasDemo(String market) {
        return market != null
                && MARKET.matcher(market).matches()
                && SimulationService.class.getClassLoader().getResource(DEMO.formatted(market)) != null;
    }

    /** Whether the market has logged decisions whose requests a backtest can replay. */
    public boolean hasLoggedDecisions(String market) {
        requireMarketCode(market);
        return decisions.countReplayable(market, 1) > 0;
    }

    /**
     * A CSV to start a market's backtest file from: the header every upload understands (the request
     * fields by JSON path, then {@code label}) and one example application in the market's currency,
     * amount, term and bureau range, so the first upload does not fail on a column name.
     */
    public String template(String market) {
        requireMarketCode(market);
        if (policies.list(market).isEmpty()) throw new NotFoundException("No market " + market + ".");
        var settings = champions.champion(market).map(CompiledPolicy::settings).orElse(null);
        String currency = settings == null ? "GBP" : settings.currency();
        long amount = settings == null ? 5000 : roundNicely((settings.minAmount() + settings.maxAmount()) / 4);
        int term = settings == null ? 12 : Math.max(settings.minTermMonths(), Math.min(12, settings.maxTermMonths()));
        int score = settings == null || settings.bureau() == null
                ? 700
                : settings.bureau().scoreMin()
                        + (int) Math.round(0.7
                                * (settings.bureau().scoreMax()
                                        - settings.bureau().scoreMin()));
        return String.join(",", TEMPLATE_COLUMNS) + "\r\n"
                + String.join(
                        ",",
                        "EXAMPLE-0001",
                        "35",
                        Long.toString(roundNicely(amount / 3.0)),
                        "SALARIED",
                        "48",
                        "RENTER",
                        "true",
                        "PERSONAL_LOAN",
                        "WEB",
                        Long.toString(amount),
                        currency,
                        Integer.toString(term),
                        "DEBT_CONSOLIDATION",
                        Integer.toString(score),
                        "0",
                        "1",
                        "good")
                + "\r\n";
    }

    private static final List<String> TEMPLATE_COLUMNS = List.of(
            "applicant.customerId",
            "applicant.age",
            "applicant.monthlyIncome",
            "applicant.employmentStatus",
            "applicant.employmentMonths",
            "applicant.residentialStatus",
            "applicant.kycVerified",
            "product",
            "channel",
            "loan.amount",
            "loan.currency",
            "loan.termMonths",
            "loan.purpose",
            "bureau.score",
            "bureau.delinquencies12m",
            "bureau.openLoans",
            CsvApplications.LABEL);

    /** 2,345,678 as 2,300,000: two significant digits, what an example amount looks like. */
    private static long roundNicely(double value) {
        if (value < 100) return Math.round(value);
        double unit = Math.pow(10, Math.floor(Math.log10(value)) - 1);
        return (long) (Math.round(value / unit) * unit);
    }

    public List<String> demoMarkets() {
        return policies.markets().stream().filter(this::hasDemo).toList();
    }

    public static String demoFileName(String market) {
        return DEMO.formatted(market).substring("demo/".length());
    }

    private SimulationCreated submit(
            String actor,
            String market,
            SimulationRequest request,
            String fileName,
            SimulationRunner.Source source,
            Runnable cleanup) {
        return submit(UUID.randomUUID().toString(), actor, market, request, fileName, source, cleanup);
    }

    private SimulationCreated submit(
            String id,
            String actor,
            String market,
            SimulationRequest request,
            String fileName,
            SimulationRunner.Source source,
            Runnable cleanup) {
        try {
            repository.insert(
                    id,
                    market,
                    request.version(),
                    request.against(),
                    request.source(),
                    fileName,
                    json.writeValueAsString(request),
                    actor,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    runner.instanceId());
        } catch (RuntimeException e) {
            cleanup.run();
            throw e;
        }
        runner.submit(new SimulationRunner.Job(
                id, market, request.version(), request.against(), request.minBandCount(), source, cleanup));
        return new SimulationCreated(id, SimulationStatus.QUEUED);
    }

    /** Resolves the defaults and checks every field, reporting all that are wrong at once. */
    private SimulationRequest check(String market, SimulationRequest request) {
        requireMarketCode(market);
        if (policies.list(market).isEmpty()) throw new NotFoundException("No market " + market + ".");
        if (request == null)
            throw new InvalidRequestException("$", "must be a JSON object like {\"version\": 8, \"against\": 7}");
        List<FieldProblem> problems = new ArrayList<>();
        Integer version = request.version();
        if (version == null) {
            problems.add(new FieldProblem("version", "is required: the candidate version to test"));
        } else if (!exists(market, version)) {
            problems.add(new FieldProblem("version", "market " + market + " has no version " + version));
        }
        Integer against = request.against();
        if (against == null) {
            against = champions.champion(market).map(CompiledPolicy::version).orElse(null);
            if (against == null) {
                problems.add(new FieldProblem(
                        "against", "is required: market " + market + " has no champion to compare with"));
            }
        } else if (!exists(market, against)) {
            problems.add(new FieldProblem("against", "market " + market + " has no version " + against));
        }
        int limit = request.limit() == null ? SimulationRequest.DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > SimulationRequest.MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + SimulationRequest.MAX_LIMIT));
        }
        int minBandCount =
                request.minBandCount() == null ? SimulationRequest.DEFAULT_MIN_BAND_COUNT : request.minBandCount();
        if (minBandCount < 1 || minBandCount > SimulationRequest.MAX_LIMIT) {
            problems.add(new FieldProblem("minBandCount", "must be between 1 and " + SimulationRequest.MAX_LIMIT));
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return new SimulationRequest(version, against, request.source(), limit, minBandCount);
    }

    private static SimulationRequest withLimit(SimulationRequest request, Integer limit) {
        return new SimulationRequest(
                request.version(), request.against(), request.source(), limit, request.minBandCount());
    }

    private boolean exists(String market, int version) {
        try {
            policies.get(market, version);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Simulation view(SimulationRepository.Stored run) {
        SimulationRequest request = json.readValue(run.requestJson(), SimulationRequest.class);
        SimulationReport report = null;
        if (run.status() == SimulationStatus.COMPLETED) {
            report = repository
                    .result(run.id())
                    .map(text -> json.readValue(text, SimulationReport.class))
                    .orElse(null);
        }
        return Simulation.of(run, request, report);
    }

    private Optional<byte[]> demo(String market) {
        if (!hasDemo(market)) return Optional.empty();
        try (InputStream in = SimulationService.class.getClassLoader().getResourceAsStream(DEMO.formatted(market))) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long copy(InputStream content, Path file) {
        try {
            Files.createDirectories(file.getParent());
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = content;
                    OutputStream out = Files.newOutputStream(file)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    size += read;
                    if (size > MAX_UPLOAD_BYTES) {
                        throw new InvalidRequestException(
                                "file", "must be at most " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return size;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new UncheckedIOException("could not store the uploaded file", (IOException) e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the backtest upload {}: {}", file, e.getMessage());
        }
    }

    private static String cleanName(String fileName) {
        if (fileName == null || fileName.isBlank()) return null;
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .strip();
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    private static void requireMarketCode(String market) {
        if (market == null || !MARKET.matcher(market).matches())
            throw new NotFoundException("No market " + shorten(market) + ".");
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

package io.credence.policy;

import io.credence.audit.AuditTrail;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyPackage;
import io.credence.engine.ReasonCodes;
import io.credence.engine.StaleReasonNumbers;
import io.credence.policy.VersionEvent.VersionCreated;
import io.credence.policy.VersionEvent.VersionUpdated;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions: drafts, their test cases, validation, diffs and the test bench. Every change of status is
 * {@link VersionLifecycle}'s, and every change here checks its row of the {@link Transition} table first.
 */
@Service
public class PolicyService {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    private static final java.util.Set<String> OUTCOMES = java.util.Set.of("APPROVE", "DECLINE", "REFER");

    private final PolicyRepository repository;
    private final VersionLifecycle lifecycle;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DraftPolicies drafts = new DraftPolicies();

    PolicyService(
            PolicyRepository repository,
            VersionLifecycle lifecycle,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> list(String market) {
        return repository.list(checkMarket(market));
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> listByStatus(VersionStatus status) {
        return repository.listByStatus(status);
    }

    @Transactional(readOnly = true)
    public List<String> markets() {
        return repository.markets();
    }

    @Transactional(readOnly = true)
    public PolicyVersion get(String market, int version) {
        return repository
                .find(checkMarket(market), version)
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no version " + version + "."));
    }

    /**
     * The version's package, checked against the digest it was created with: what was approved is
     * byte for byte what runs.
     */
    @Transactional(readOnly = true)
    public PolicyPackage verifiedPackage(String market, int version) {
        PolicyVersion v = get(market, version);
        PolicyPackage policy = PolicyPackage.of(market, v.artifacts());
        String actual = policy.digest();
        if (!actual.equals(v.digest())) {
            throw new TamperedPolicyException(market, version, v.digest(), actual);
        }
        return policy;
    }

    /** Re-computes a version's digest from its stored artifacts and compares it with the approved one. */
    @Transactional(readOnly = true)
    public VersionIntegrity verify(String market, int version) {
        PolicyVersion v = get(market, version);
        String actual = PolicyPackage.of(market, v.artifacts()).digest();
        return new VersionIntegrity(market, version, v.digest(), actual, actual.equals(v.digest()));
    }

    /** Creates a DRAFT after compiling it; a package that does not compile is not stored at all. */
    @Transactional
    public PolicyVersion createDraft(Actor actor, String market, NewVersionRequest request) {
        checkMarket(market);
        Transition.CREATE.check(actor, market, null, null, null);
        String author = actor.name();
        Map<String, String> artifacts = new TreeMap<>();
        if (request.basedOn() != null) {
            artifacts.putAll(get(market, request.basedOn()).artifacts());
        }
        if (request.artifacts() != null) {
            request.artifacts().forEach((name, content) -> {
                if (content == null) throw new InvalidRequestException("artifacts." + name, "must not be null");
                artifacts.put(name, content);
            });
        }
        if (request.note() != null && request.note().length() > 4000) {
            throw new InvalidRequestException("note", "must be at most 4000 characters");
        }
        PolicyPackage policy = PolicyPackage.of(market, artifacts);
        CompiledPolicy compiled = drafts.compile(policy, 0);
        if (request.basedOn() != null)
            PolicyTesting.proveRiskModel(compiled, repository.testCases(market, request.basedOn()));
        PolicyVersion created = store(author, market, policy, request.basedOn(), request.note(), VersionStatus.DRAFT);
        if (request.basedOn() != null) {
            for (PolicyTestCase test : repository.testCases(market, request.basedOn())) {
                repository.insertTestCase(
                        market, created.version(), test.copy(UUID.randomUUID().toString(), test.name(), author, now()));
            }
        }
        repository.storeTestResults(
                market,
                created.version(),
                PolicyTesting.run(compiled, repository.testCases(market, created.version())));
        return get(market, created.version());
    }

    /** Replaces a draft's artifacts (and note); only its author may, and only while it is a DRAFT. */
    @Transactional
    public PolicyVersion updateDraft(Actor actor, String market, int version, NewVersionRequest request) {
        PolicyVersion v = lock(market, version);
        Transition.UPDATE.check(actor, v);
        Map<String, String> artifacts = new TreeMap<>(repository.artifacts(market, version));
        if (request.artifacts() != null) {
            request.artifacts().forEach((name, content) -> {
                if (content == null) throw new InvalidRequestException("artifacts." + name, "must not be null");
                artifacts.put(name, content);
            });
        }
        String note = request.note() != null ? request.note() : v.note();
        if (note != null && note.length() > 4000)
            throw new InvalidRequestException("note", "must be at most 4000 characters");
        PolicyPackage policy = PolicyPackage.of(market, artifacts);
        CompiledPolicy compiled = drafts.compile(policy, version);
        PolicyTesting.proveRiskModel(compiled, repository.testCases(market, version));
        repository.replaceDraft(market, version, policy.artifacts(), policy.digest(), note);
        repository.storeTestResults(
                market, version, PolicyTesting.run(compiled, repository.testCases(market, version)));
        events.publishEvent(new VersionUpdated(market, version, actor.name(), policy.digest(), now()));
        return get(market, version);
    }

    /**
     * Compiles artifacts over a base version without storing anything, and runs the base version's
     * test cases on the result: what the editor calls to mark errors as the analyst works.
     */
    @Transactional(readOnly = true)
    public ValidationReport validate(String market, Integer basedOn, Map<String, String> changes) {
        checkMarket(market);
        Map<String, String> artifacts = new TreeMap<>();
        PolicyVersion baseVersion = basedOn == null ? null : get(market, basedOn);
        Map<String, String> base = baseVersion == null ? Map.of() : baseVersion.artifacts();
        artifacts.putAll(base);
        // A draft is work in progress: its change, for the warnings, is against the version it started from.
        Map<String, String> origin =
                baseVersion != null && baseVersion.status() == VersionStatus.DRAFT && baseVersion.basedOn() != null
                        ? get(market, baseVersion.basedOn()).artifacts()
                        : base;
        if (changes != null)
            changes.forEach((name, content) -> {
                if (content != null) artifacts.put(name, content);
            });
        PolicyPackage policy = PolicyPackage.of(market, artifacts);
        CompiledPolicy compiled = drafts.compile(policy, 0);
        if (basedOn != null) PolicyTesting.proveRiskModel(compiled, repository.testCases(market, basedOn));
        List<TestCaseResult> results =
                basedOn == null ? List.of() : PolicyTesting.run(compiled, repository.testCases(market, basedOn));
        return new ValidationReport(
                true,
                policy.digest(),
                results,
                StaleReasonNumbers.find(origin, artifacts),
                TestCoverage.uncovered(artifacts, results));
    }

    /** Decides one application with any version, drafts included, without storing it: the test bench. */
    @Transactional(readOnly = true)
    public TrialDecision tryApplication(String market, int version, String applicationJson) {
        PolicyPackage policy = verifiedPackage(market, version);
        CompiledPolicy compiled = drafts.compileStored(policy, version);
        // The version's settings judge the request in the same pass, so every offending field is named at once.
        var application = io.credence.engine.LoanApplicationParser.parse(
                applicationJson, requested -> market.equals(requested) ? List.of(compiled.settings()) : List.of());
        if (!market.equals(application.market())) {
            throw new InvalidRequestException("market", "must be " + market + " for a version of market " + market);
        }
        return new TrialDecision(
                market, version, policy.digest(), compiled.decide(application, io.credence.engine.Enrichment.NONE));
    }

    /**
     * Every reason code a package can give (its rules, its scorecard and the engine), from artifact
     * texts by name: the rows of the reason-message catalogs. Tolerant of broken artifacts, so an editor
     * can call it on every keystroke: it returns what it can find and never throws.
     */
    public SortedSet<String> emittableReasonCodes(Map<String, String> artifacts) {
        return ReasonCodes.of(artifacts == null ? Map.of() : artifacts);
    }

    @Transactional(readOnly = true)
    public PolicyDiff diff(String market, int from, int to) {
        return VersionDiffer.diff(
                market, from, get(market, from).artifacts(), to, get(market, to).artifacts());
    }

    private static void checkExpectation(
            List<io.credence.shared.FieldProblem> problems, String field, BigDecimal value, BigDecimal max) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
            problems.add(new io.credence.shared.FieldProblem(field, "must be between 0 and " + max.toPlainString()));
        }
    }

    /** The rules of a version that none of its test cases fires, from its stored results. */
    @Transactional(readOnly = true)
    public List<String> uncoveredRules(String market, int version) {
        PolicyVersion v = get(market, version);
        return TestCoverage.uncovered(v.artifacts(), v.testResults());
    }

    @Transactional(readOnly = true)
    public List<PolicyTestCase> testCases(String market, int version) {
        get(market, version);
        return repository.testCases(market, version);
    }

    @Transactional
    public PolicyVersion addTestCase(Actor actor, String market, int version, NewTestCase request) {
        PolicyVersion v = lock(market, version);
        Transition.CHANGE_TESTS.check(actor, v);
        checkTestCase(request);
        repository.insertTestCase(
                market,
                version,
                new PolicyTestCase(
                        UUID.randomUUID().toString(),
                        request.name(),
                        request.application(),
                        request.expectedOutcome(),
                        request.expectedReasons() == null ? List.of() : List.copyOf(request.expectedReasons()),
                        actor.name(),
                        now(),
                        request.expectedAmount(),
                        request.amountTolerance(),
                        request.expectedApr(),
                        request.aprTolerance()));
        rerunTests(market, version);
        audit.record(actor.name(), market, "TEST_CASE_ADDED", "v" + version, request.name());
        return get(market, version);
    }

    /** Replaces a draft's test case (its application and expectations), keeping its id. */
    @Transactional
    public PolicyVersion updateTestCase(Actor actor, String market, int version, String id, NewTestCase request) {
        PolicyVersion v = lock(market, version);
        Transition.CHANGE_TESTS.check(actor, v);
        PolicyTestCase old = testCase(market, version, id);
        checkTestCase(request);
        repository.deleteTestCase(market, version, id);
        repository.insertTestCase(
                market,
                version,
                new PolicyTestCase(
                        id,
                        request.name(),
                        request.application(),
                        request.expectedOutcome(),
                        request.expectedReasons() == null ? List.of() : List.copyOf(request.expectedReasons()),
                        old.createdBy(),
                        old.createdAt(),
                        request.expectedAmount(),
                        request.amountTolerance(),
                        request.expectedApr(),
                        request.aprTolerance()));
        rerunTests(market, version);
        audit.record(actor.name(), market, "TEST_CASE_EDITED", "v" + version, request.name());
        return get(market, version);
    }

    /** Copies a draft's test case under "<name> (copy)", to be edited into a neighbouring case. */
    @Transactional
    public PolicyVersion duplicateTestCase(Actor actor, String market, int version, String id) {
        PolicyVersion v = lock(market, version);
        Transition.CHANGE_TESTS.check(actor, v);
        PolicyTestCase original = testCase(market, version, id);
        String name = original.name().length() > 193 ? original.name().substring(0, 193) : original.name();
        repository.insertTestCase(
                market, version, original.copy(UUID.randomUUID().toString(), name + " (copy)", actor.name(), now()));
        rerunTests(market, version);
        audit.record(actor.name(), market, "TEST_CASE_ADDED", "v" + version, name + " (copy)");
        return get(market, version);
    }

    private PolicyTestCase testCase(String market, int version, String id) {
        return repository.testCases(market, version).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("v" + version + " has no test case " + id + "."));
    }

    private static void checkTestCase(NewTestCase request) {
        List<io.credence.shared.FieldProblem> problems = new java.util.ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            problems.add(new io.credence.shared.FieldProblem("name", "is required, at most 200 characters"));
        }
        if (request.application() == null || !request.application().isObject()) {
            problems.add(new io.credence.shared.FieldProblem("application", "must be a decision request object"));
        }
        if (request.expectedOutcome() == null || !OUTCOMES.contains(request.expectedOutcome())) {
            problems.add(
                    new io.credence.shared.FieldProblem("expectedOutcome", "must be one of APPROVE, DECLINE, REFER"));
        }
        checkExpectation(problems, "expectedAmount", request.expectedAmount(), BigDecimal.valueOf(1e15));
        checkExpectation(problems, "amountTolerance", request.amountTolerance(), BigDecimal.valueOf(1e15));
        checkExpectation(problems, "expectedApr", request.expectedApr(), BigDecimal.TEN);
        checkExpectation(problems, "aprTolerance", request.aprTolerance(), BigDecimal.ONE);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        io.credence.engine.LoanApplicationParser.parse(request.application().toString());
    }

    @Transactional
    public PolicyVersion removeTestCase(Actor actor, String market, int version, String id) {
        PolicyVersion v = lock(market, version);
        Transition.CHANGE_TESTS.check(actor, v);
        if (repository.deleteTestCase(market, version, id) == 0) {
            throw new NotFoundException("v" + version + " has no test case " + id + ".");
        }
        rerunTests(market, version);
        audit.record(actor.name(), market, "TEST_CASE_REMOVED", "v" + version, id);
        return get(market, version);
    }

    /** A version's test cases as the CSV {@link #importTestCases} reads. */
    @Transactional(readOnly = true)
    public String exportTestCases(String market, int version) {
        get(market, version);
        return TestCaseCsv.write(repository.testCases(market, version));
    }

    /**
     * Adds a CSV file's test cases to a draft ({@code replace}: instead of its cases). Every line is checked
     * as a single case would be; one problem anywhere saves nothing, and every problem is named by line.
     */
    @Transactional
    public PolicyVersion importTestCases(Actor actor, String market, int version, String csv, boolean replace) {
        PolicyVersion v = lock(market, version);
        Transition.CHANGE_TESTS.check(actor, v);
        List<PolicyTestCase> cases = checkedCases(TestCaseCsv.read(csv, market), actor.name());
        if (replace) repository.deleteTestCases(market, version);
        cases.forEach(test -> repository.insertTestCase(market, version, test));
        rerunTests(market, version);
        audit.record(
                actor.name(),
                market,
                "TEST_CASES_IMPORTED",
                "v" + version,
                cases.size() + " case(s) from CSV" + (replace ? ", replacing the earlier ones" : ""));
        return get(market, version);
    }

    private List<PolicyTestCase> checkedCases(List<TestCaseCsv.Line> lines, String author) {
        List<io.credence.shared.FieldProblem> problems = new java.util.ArrayList<>();
        List<PolicyTestCase> cases = new java.util.ArrayList<>();
        Instant at = now();
        for (TestCaseCsv.Line line : lines) {
            NewTestCase request = line.testCase();
            try {
                checkTestCase(request);
            } catch (InvalidRequestException e) {
                e.problems()
                        .forEach(p -> problems.add(new io.credence.shared.FieldProblem(
                                "line " + line.number() + ": " + p.field(), p.message())));
                continue;
            }
            // Created a microsecond apart, so the cases keep the file's order.
            cases.add(new PolicyTestCase(
                    UUID.randomUUID().toString(),
                    request.name(),
                    request.application(),
                    request.expectedOutcome(),
                    List.copyOf(request.expectedReasons()),
                    author,
                    at.plus(cases.size(), ChronoUnit.MICROS),
                    request.expectedAmount(),
                    request.amountTolerance(),
                    request.expectedApr(),
                    request.aprTolerance()));
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return cases;
    }

    private void rerunTests(String market, int version) {
        CompiledPolicy compiled =
                drafts.compileStored(PolicyPackage.of(market, repository.artifacts(market, version)), version);
        repository.storeTestResults(
                market, version, PolicyTesting.run(compiled, repository.testCases(market, version)));
    }

    /** Stores a seed package, already compiled by the caller, as an approved version. */
    @Transactional
    public PolicyVersion installSeed(String market, PolicyPackage policy) {
        Transition.INSTALL_SEED.check(Actor.system(), market, null, null, null);
        return store(
                Actor.SYSTEM_NAME, market, policy, null, "Seed policy shipped with Credence", VersionStatus.APPROVED);
    }

    /**
     * The same, with the seed's test cases (its scenario table, as test-case CSV) stored with it and run
     * on {@code compiled}, so every draft copied from the seed starts with that safety net.
     */
    @Transactional
    public PolicyVersion installSeed(
            String market, PolicyPackage policy, String testCasesCsv, CompiledPolicy compiled) {
        PolicyVersion stored = installSeed(market, policy);
        // A market that already had versions gets no seed cases: the caller refuses to deploy such a seed.
        if (testCasesCsv == null || stored.version() != 1) return stored;
        List<PolicyTestCase> cases = checkedCases(TestCaseCsv.read(testCasesCsv, market), Actor.SYSTEM_NAME);
        cases.forEach(test -> repository.insertTestCase(market, stored.version(), test));
        repository.storeTestResults(market, stored.version(), PolicyTesting.run(compiled, cases));
        return get(market, stored.version());
    }

    private PolicyVersion store(
            String author, String market, PolicyPackage policy, Integer basedOn, String note, VersionStatus status) {
        int number = repository.nextVersion(market);
        PolicyVersion v = new PolicyVersion(
                market,
                number,
                status,
                basedOn,
                author,
                null,
                null,
                policy.digest(),
                note,
                now(),
                null,
                null,
                null,
                null);
        repository.insert(v, policy.artifacts());
        events.publishEvent(new VersionCreated(market, number, author, policy.digest(), v.createdAt()));
        return get(market, number);
    }

    public PolicyVersion submit(Actor actor, String market, int version) {
        return submit(actor, market, version, null);
    }

    /**
     * Submits a draft for review. A draft whose test cases fail is refused unless the author says why
     * ({@code failingTestsReason}); the lifecycle adds the reason to the note for the reviewer.
     */
    public PolicyVersion submit(Actor actor, String market, int version, String failingTestsReason) {
        return lifecycle.submit(actor, checkMarket(market), version, failingTestsReason);
    }

    public PolicyVersion approve(Actor actor, String market, int version, String comment) {
        return lifecycle.approve(actor, checkMarket(market), version, comment);
    }

    public PolicyVersion reject(Actor actor, String market, int version, String comment) {
        return lifecycle.reject(actor, checkMarket(market), version, comment);
    }

    public PolicyVersion discard(Actor actor, String market, int version) {
        return lifecycle.discard(actor, checkMarket(market), version);
    }

    private PolicyVersion lock(String market, int version) {
        return repository
                .findForUpdate(checkMarket(market), version)
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no version " + version + "."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String checkMarket(String market) {
        if (market == null || !MARKET.matcher(market).matches()) {
            throw new NotFoundException("No market "
                    + (market == null ? "" : market.length() > 10 ? market.substring(0, 10) + "…" : market) + ".");
        }
        return market;
    }
}

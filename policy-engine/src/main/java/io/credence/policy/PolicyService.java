package io.credence.policy;

import io.credence.audit.AuditTrail;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyPackage;
import io.credence.engine.ReasonCodes;
import io.credence.engine.StaleReasonNumbers;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versions and their review: the state machine is enforced here, for every caller. */
@Service
public class PolicyService {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    private static final java.util.Set<String> OUTCOMES = java.util.Set.of("APPROVE", "DECLINE", "REFER");

    private final PolicyRepository repository;
    private final AuditTrail audit;
    private final DraftPolicies drafts = new DraftPolicies();

    PolicyService(PolicyRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
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
        return repository.find(checkMarket(market), version)
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
    public PolicyVersion createDraft(String author, String market, NewVersionRequest request) {
        checkMarket(market);
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
        PolicyVersion created = store(author, market, policy, request.basedOn(), request.note(), VersionStatus.DRAFT);
        if (request.basedOn() != null) {
            for (PolicyTestCase test : repository.testCases(market, request.basedOn())) {
                repository.insertTestCase(market, created.version(),
                        test.copy(UUID.randomUUID().toString(), test.name(), author, Instant.now()));
            }
        }
        repository.storeTestResults(market, created.version(),
                PolicyTesting.run(compiled, repository.testCases(market, created.version())));
        return get(market, created.version());
    }

    /** Replaces a draft's artifacts (and note); only its author may, and only while it is a DRAFT. */
    @Transactional
    public PolicyVersion updateDraft(String actor, String market, int version, NewVersionRequest request) {
        PolicyVersion v = lock(market, version);
        if (!v.author().equals(actor)) {
            throw new ForbiddenActionException("Only the author (" + v.author() + ") may edit v" + version + ".");
        }
        requireStatus(v, VersionStatus.DRAFT, "edited");
        Map<String, String> artifacts = new TreeMap<>(repository.artifacts(market, version));
        if (request.artifacts() != null) {
            request.artifacts().forEach((name, content) -> {
                if (content == null) throw new InvalidRequestException("artifacts." + name, "must not be null");
                artifacts.put(name, content);
            });
        }
        String note = request.note() != null ? request.note() : v.note();
        if (note != null && note.length() > 4000) throw new InvalidRequestException("note", "must be at most 4000 characters");
        PolicyPackage policy = PolicyPackage.of(market, artifacts);
        CompiledPolicy compiled = drafts.compile(policy, version);
        repository.replaceDraft(market, version, policy.artifacts(), policy.digest(), note);
        repository.storeTestResults(market, version, PolicyTesting.run(compiled, repository.testCases(market, version)));
        audit.record(actor, market, "VERSION_EDITED", "v" + version, policy.digest());
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
        Map<String, String> origin = baseVersion != null && baseVersion.status() == VersionStatus.DRAFT
                && baseVersion.basedOn() != null ? get(market, baseVersion.basedOn()).artifacts() : base;
        if (changes != null) changes.forEach((name, content) -> {
            if (content != null) artifacts.put(name, content);
        });
        PolicyPackage policy = PolicyPackage.of(market, artifacts);
        CompiledPolicy compiled = drafts.compile(policy, 0);
        List<TestCaseResult> results = basedOn == null ? List.of()
                : PolicyTesting.run(compiled, repository.testCases(market, basedOn));
        return new ValidationReport(true, policy.digest(), results, StaleReasonNumbers.find(origin, artifacts),
                TestCoverage.uncovered(artifacts, results));
    }

    /** Decides one application with any version, drafts included, without storing it: the test bench. */
    @Transactional(readOnly = true)
    public TrialDecision tryApplication(String market, int version, String applicationJson) {
        PolicyPackage policy = verifiedPackage(market, version);
        CompiledPolicy compiled = drafts.compileStored(policy, version);
        var application = io.credence.engine.LoanApplicationParser.parse(applicationJson);
        if (!market.equals(application.market())) {
            throw new InvalidRequestException("market", "must be " + market + " for a version of market " + market);
        }
        io.credence.engine.LoanApplicationParser.checkAgainst(application, compiled.settings());
        return new TrialDecision(market, version, policy.digest(),
                compiled.decide(application, io.credence.engine.Enrichment.NONE));
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
        return VersionDiffer.diff(market, from, get(market, from).artifacts(), to, get(market, to).artifacts());
    }

    private static void checkExpectation(List<io.credence.shared.FieldProblem> problems, String field, BigDecimal value,
            BigDecimal max) {
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
    public PolicyVersion addTestCase(String actor, String market, int version, NewTestCase request) {
        PolicyVersion v = lock(market, version);
        requireStatus(v, VersionStatus.DRAFT, "given new test cases");
        checkTestCase(request);
        repository.insertTestCase(market, version, new PolicyTestCase(UUID.randomUUID().toString(), request.name(),
                request.application(), request.expectedOutcome(),
                request.expectedReasons() == null ? List.of() : List.copyOf(request.expectedReasons()), actor, Instant.now(),
                request.expectedAmount(), request.amountTolerance(), request.expectedApr(), request.aprTolerance()));
        rerunTests(market, version);
        audit.record(actor, market, "TEST_CASE_ADDED", "v" + version, request.name());
        return get(market, version);
    }

    /** Replaces a draft's test case (its application and expectations), keeping its id. */
    @Transactional
    public PolicyVersion updateTestCase(String actor, String market, int version, String id, NewTestCase request) {
        PolicyVersion v = lock(market, version);
        requireStatus(v, VersionStatus.DRAFT, "changed");
        PolicyTestCase old = testCase(market, version, id);
        checkTestCase(request);
        repository.deleteTestCase(market, version, id);
        repository.insertTestCase(market, version, new PolicyTestCase(id, request.name(), request.application(),
                request.expectedOutcome(), request.expectedReasons() == null ? List.of() : List.copyOf(request.expectedReasons()),
                old.createdBy(), old.createdAt(), request.expectedAmount(), request.amountTolerance(), request.expectedApr(),
                request.aprTolerance()));
        rerunTests(market, version);
        audit.record(actor, market, "TEST_CASE_EDITED", "v" + version, request.name());
        return get(market, version);
    }

    /** Copies a draft's test case under "<name> (copy)", to be edited into a neighbouring case. */
    @Transactional
    public PolicyVersion duplicateTestCase(String actor, String market, int version, String id) {
        PolicyVersion v = lock(market, version);
        requireStatus(v, VersionStatus.DRAFT, "changed");
        PolicyTestCase original = testCase(market, version, id);
        String name = original.name().length() > 193 ? original.name().substring(0, 193) : original.name();
        repository.insertTestCase(market, version, original.copy(UUID.randomUUID().toString(), name + " (copy)", actor,
                Instant.now()));
        rerunTests(market, version);
        audit.record(actor, market, "TEST_CASE_ADDED", "v" + version, name + " (copy)");
        return get(market, version);
    }

    private PolicyTestCase testCase(String market, int version, String id) {
        return repository.testCases(market, version).stream().filter(t -> t.id().equals(id)).findFirst()
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
            problems.add(new io.credence.shared.FieldProblem("expectedOutcome", "must be one of APPROVE, DECLINE, REFER"));
        }
        checkExpectation(problems, "expectedAmount", request.expectedAmount(), BigDecimal.valueOf(1e15));
        checkExpectation(problems, "amountTolerance", request.amountTolerance(), BigDecimal.valueOf(1e15));
        checkExpectation(problems, "expectedApr", request.expectedApr(), BigDecimal.TEN);
        checkExpectation(problems, "aprTolerance", request.aprTolerance(), BigDecimal.ONE);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        io.credence.engine.LoanApplicationParser.parse(request.application().toString());
    }

    @Transactional
    public PolicyVersion removeTestCase(String actor, String market, int version, String id) {
        PolicyVersion v = lock(market, version);
        requireStatus(v, VersionStatus.DRAFT, "changed");
        if (repository.deleteTestCase(market, version, id) == 0) {
            throw new NotFoundException("v" + version + " has no test case " + id + ".");
        }
        rerunTests(market, version);
        audit.record(actor, market, "TEST_CASE_REMOVED", "v" + version, id);
        return get(market, version);
    }

    private void rerunTests(String market, int version) {
        CompiledPolicy compiled = drafts.compileStored(PolicyPackage.of(market, repository.artifacts(market, version)), version);
        repository.storeTestResults(market, version, PolicyTesting.run(compiled, repository.testCases(market, version)));
    }

    /** Stores a seed package, already compiled by the caller, as an approved version. */
    @Transactional
    public PolicyVersion installSeed(String market, PolicyPackage policy) {
        return store("system", market, policy, null, "Seed policy shipped with Credence", VersionStatus.APPROVED);
    }

    private PolicyVersion store(String author, String market, PolicyPackage policy, Integer basedOn, String note,
            VersionStatus status) {
        int number = repository.nextVersion(market);
        PolicyVersion v = new PolicyVersion(market, number, status, basedOn, author, null, null, policy.digest(),
                note, Instant.now(), null, null, null, null);
        repository.insert(v, policy.artifacts());
        audit.record(author, market, "VERSION_CREATED", "v" + number, policy.digest());
        return get(market, number);
    }

    @Transactional
    public PolicyVersion submit(String actor, String market, int version) {
        return submit(actor, market, version, null);
    }

    /**
     * Submits a draft for review. A draft whose test cases fail is refused unless the author says why
     * ({@code failingTestsReason}); the reason, with the failing cases' names, is added to the note so
     * the reviewer reads it next to the results.
     */
    @Transactional
    public PolicyVersion submit(String actor, String market, int version, String failingTestsReason) {
        PolicyVersion v = lock(market, version);
        if (!v.author().equals(actor)) {
            throw new ForbiddenActionException("Only the author (" + v.author() + ") may submit v" + version + ".");
        }
        requireStatus(v, VersionStatus.DRAFT, "submitted");
        List<String> failing = v.testResults() == null ? List.of()
                : v.testResults().stream().filter(r -> !r.passed()).map(r -> "\"" + r.name() + "\"").toList();
        if (!failing.isEmpty()) {
            if (failingTestsReason == null || failingTestsReason.isBlank()) {
                throw new StateConflictException("v" + version + " has " + failing.size() + " failing test case(s): "
                        + String.join(", ", failing) + ". Fix the policy, or submit with failingTestsReason saying why"
                        + " the reviewer should accept it.");
            }
            if (failingTestsReason.length() > 2000) {
                throw new InvalidRequestException("failingTestsReason", "must be at most 2000 characters");
            }
            String note = (v.note() == null || v.note().isBlank() ? "" : v.note() + "\n\n") + "Submitted with "
                    + failing.size() + " failing test case(s) (" + String.join(", ", failing) + "): "
                    + failingTestsReason.strip();
            if (note.length() > 4000) {
                throw new InvalidRequestException("failingTestsReason", "does not fit in the note with it: shorten the"
                        + " note or the reason (4000 characters together)");
            }
            repository.replaceDraft(market, version, repository.artifacts(market, version), v.digest(), note);
        }
        repository.markSubmitted(market, version, Instant.now());
        audit.record(actor, market, "VERSION_SUBMITTED", "v" + version, v.digest());
        return get(market, version);
    }

    @Transactional
    public PolicyVersion approve(String actor, String market, int version, String comment) {
        return review(actor, market, version, VersionStatus.APPROVED, comment);
    }

    @Transactional
    public PolicyVersion reject(String actor, String market, int version, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequestException("comment", "is required when rejecting");
        }
        return review(actor, market, version, VersionStatus.REJECTED, comment);
    }

    private PolicyVersion review(String actor, String market, int version, VersionStatus outcome, String comment) {
        PolicyVersion v = lock(market, version);
        if (v.author().equals(actor)) {
            throw new ForbiddenActionException("Four-eyes: " + actor + " wrote v" + version + " and may not review it.");
        }
        if (comment != null && comment.length() > 4000) {
            throw new InvalidRequestException("comment", "must be at most 4000 characters");
        }
        requireStatus(v, VersionStatus.IN_REVIEW, outcome == VersionStatus.APPROVED ? "approved" : "rejected");
        repository.markReviewed(market, version, outcome, actor, comment, Instant.now());
        audit.record(actor, market, outcome == VersionStatus.APPROVED ? "VERSION_APPROVED" : "VERSION_REJECTED",
                "v" + version, comment);
        return get(market, version);
    }

    /** Moves a version between the deployment states; called by the deployment feature in its transaction. */
    @Transactional
    public void markDeployment(String market, int deployed, Integer retired) {
        repository.updateStatus(market, deployed, VersionStatus.DEPLOYED);
        if (retired != null && retired != deployed) repository.updateStatus(market, retired, VersionStatus.RETIRED);
    }

    @Transactional
    public PolicyVersion lock(String market, int version) {
        return repository.findForUpdate(checkMarket(market), version)
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no version " + version + "."));
    }

    private static void requireStatus(PolicyVersion v, VersionStatus expected, String verb) {
        if (v.status() != expected) {
            throw new StateConflictException("v" + v.version() + " is " + v.status() + "; only a " + expected
                    + " version can be " + verb + ".");
        }
    }

    private static String checkMarket(String market) {
        if (market == null || !MARKET.matcher(market).matches()) {
            throw new NotFoundException("No market " + (market == null ? "" : market.length() > 10 ? market.substring(0, 10) + "…" : market) + ".");
        }
        return market;
    }
}

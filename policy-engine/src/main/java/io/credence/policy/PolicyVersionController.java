package io.credence.policy;

import io.credence.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/markets/{market}/versions")
class PolicyVersionController {

    private final PolicyService policies;

    PolicyVersionController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    List<VersionBody> list(@PathVariable String market) {
        return policies.list(market).stream().map(VersionBody::summary).toList();
    }

    @GetMapping("/{version}")
    VersionBody get(@PathVariable String market, @PathVariable int version) {
        return VersionBody.of(policies.get(market, version));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VersionBody create(@PathVariable String market, @RequestBody NewVersionRequest request, Principal author) {
        return VersionBody.of(policies.createDraft(Actor.of(author), market, request));
    }

    @PutMapping("/{version}")
    VersionBody update(
            @PathVariable String market,
            @PathVariable int version,
            @RequestBody NewVersionRequest request,
            Principal author) {
        return VersionBody.of(policies.updateDraft(Actor.of(author), market, version, request));
    }

    @PostMapping("/validate")
    ValidationReport validate(@PathVariable String market, @RequestBody NewVersionRequest request) {
        return policies.validate(market, request.basedOn(), request.artifacts());
    }

    @GetMapping("/{version}/verify")
    VersionIntegrity verify(@PathVariable String market, @PathVariable int version) {
        return policies.verify(market, version);
    }

    @GetMapping("/{version}/diff")
    PolicyDiff diff(@PathVariable String market, @PathVariable int version, @RequestParam int against) {
        return policies.diff(market, against, version);
    }

    @PostMapping("/{version}/try")
    TrialDecision tryApplication(@PathVariable String market, @PathVariable int version, HttpServletRequest request)
            throws IOException {
        return policies.tryApplication(market, version, RequestBodies.read(request));
    }

    /** Rules ("stage: rule name") that none of the version's test cases fires. */
    @GetMapping("/{version}/coverage")
    List<String> coverage(@PathVariable String market, @PathVariable int version) {
        return policies.uncoveredRules(market, version);
    }

    @GetMapping("/{version}/test-cases")
    List<PolicyTestCase> testCases(@PathVariable String market, @PathVariable int version) {
        return policies.testCases(market, version);
    }

    @PostMapping("/{version}/test-cases")
    @ResponseStatus(HttpStatus.CREATED)
    VersionBody addTestCase(
            @PathVariable String market, @PathVariable int version, @RequestBody NewTestCase test, Principal author) {
        return VersionBody.of(policies.addTestCase(Actor.of(author), market, version, test));
    }

    @GetMapping(value = "/{version}/test-cases.csv", produces = "text/csv")
    ResponseEntity<String> exportTestCases(@PathVariable String market, @PathVariable int version) {
        return ResponseEntity.ok()
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"test-cases-" + market + "-v" + version + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(policies.exportTestCases(market, version));
    }

    /** A CSV file of test cases, as exported; {@code replace=true} swaps the draft's cases for the file's. */
    @PostMapping(value = "/{version}/test-cases.csv", consumes = "text/csv")
    VersionBody importTestCases(
            @PathVariable String market,
            @PathVariable int version,
            @RequestBody String csv,
            @RequestParam(defaultValue = "false") boolean replace,
            Principal author) {
        return VersionBody.of(policies.importTestCases(Actor.of(author), market, version, csv, replace));
    }

    @PutMapping("/{version}/test-cases/{id}")
    VersionBody updateTestCase(
            @PathVariable String market,
            @PathVariable int version,
            @PathVariable String id,
            @RequestBody NewTestCase test,
            Principal author) {
        return VersionBody.of(policies.updateTestCase(Actor.of(author), market, version, id, test));
    }

    @PostMapping("/{version}/test-cases/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    VersionBody duplicateTestCase(
            @PathVariable String market, @PathVariable int version, @PathVariable String id, Principal author) {
        return VersionBody.of(policies.duplicateTestCase(Actor.of(author), market, version, id));
    }

    @DeleteMapping("/{version}/test-cases/{id}")
    VersionBody removeTestCase(
            @PathVariable String market, @PathVariable int version, @PathVariable String id, Principal author) {
        return VersionBody.of(policies.removeTestCase(Actor.of(author), market, version, id));
    }

    @PostMapping("/{version}/submit")
    VersionBody submit(
            @PathVariable String market,
            @PathVariable int version,
            @RequestBody(required = false) SubmitRequest request,
            Principal author) {
        return VersionBody.of(policies.submit(
                Actor.of(author), market, version, request == null ? null : request.failingTestsReason()));
    }

    @PostMapping("/{version}/discard")
    VersionBody discard(@PathVariable String market, @PathVariable int version, Principal author) {
        return VersionBody.of(policies.discard(Actor.of(author), market, version));
    }

    @PostMapping("/{version}/approve")
    VersionBody approve(
            @PathVariable String market,
            @PathVariable int version,
            @RequestBody(required = false) ReviewRequest review,
            Principal reviewer) {
        return VersionBody.of(
                policies.approve(Actor.of(reviewer), market, version, review == null ? null : review.comment()));
    }

    @PostMapping("/{version}/reject")
    VersionBody reject(
            @PathVariable String market,
            @PathVariable int version,
            @RequestBody(required = false) ReviewRequest review,
            Principal reviewer) {
        return VersionBody.of(
                policies.reject(Actor.of(reviewer), market, version, review == null ? null : review.comment()));
    }
}

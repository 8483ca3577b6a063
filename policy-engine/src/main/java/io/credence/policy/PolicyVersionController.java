package io.credence.policy;

import io.credence.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    List<PolicyVersion> list(@PathVariable String market) {
        return policies.list(market).stream().map(PolicyVersion::withoutArtifacts).toList();
    }

    @GetMapping("/{version}")
    PolicyVersion get(@PathVariable String market, @PathVariable int version) {
        return policies.get(market, version);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PolicyVersion create(@PathVariable String market, @RequestBody NewVersionRequest request, Principal author) {
        return policies.createDraft(author.getName(), market, request);
    }

    @PutMapping("/{version}")
    PolicyVersion update(@PathVariable String market, @PathVariable int version, @RequestBody NewVersionRequest request,
            Principal author) {
        return policies.updateDraft(author.getName(), market, version, request);
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
    PolicyVersion addTestCase(@PathVariable String market, @PathVariable int version, @RequestBody NewTestCase test,
            Principal author) {
        return policies.addTestCase(author.getName(), market, version, test);
    }

    @PutMapping("/{version}/test-cases/{id}")
    PolicyVersion updateTestCase(@PathVariable String market, @PathVariable int version, @PathVariable String id,
            @RequestBody NewTestCase test, Principal author) {
        return policies.updateTestCase(author.getName(), market, version, id, test);
    }

    @PostMapping("/{version}/test-cases/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyVersion duplicateTestCase(@PathVariable String market, @PathVariable int version, @PathVariable String id,
            Principal author) {
        return policies.duplicateTestCase(author.getName(), market, version, id);
    }

    @DeleteMapping("/{version}/test-cases/{id}")
    PolicyVersion removeTestCase(@PathVariable String market, @PathVariable int version, @PathVariable String id,
            Principal author) {
        return policies.removeTestCase(author.getName(), market, version, id);
    }

    @PostMapping("/{version}/submit")
    PolicyVersion submit(@PathVariable String market, @PathVariable int version,
            @RequestBody(required = false) SubmitRequest request, Principal author) {
        return policies.submit(author.getName(), market, version, request == null ? null : request.failingTestsReason());
    }

    @PostMapping("/{version}/approve")
    PolicyVersion approve(@PathVariable String market, @PathVariable int version,
            @RequestBody(required = false) ReviewRequest review, Principal reviewer) {
        return policies.approve(reviewer.getName(), market, version, review == null ? null : review.comment());
    }

    @PostMapping("/{version}/reject")
    PolicyVersion reject(@PathVariable String market, @PathVariable int version,
            @RequestBody(required = false) ReviewRequest review, Principal reviewer) {
        return policies.reject(reviewer.getName(), market, version, review == null ? null : review.comment());
    }
}

package io.credence.policy;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
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
        return policies.list(market);
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

    @PostMapping("/{version}/submit")
    PolicyVersion submit(@PathVariable String market, @PathVariable int version, Principal author) {
        return policies.submit(author.getName(), market, version);
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

package io.credence.experiment;

import io.credence.policy.Actor;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/markets/{market}/experiments")
class ExperimentController {

    private final ExperimentService experiments;

    ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /** The body is read as a tree so that every offending field can be named, not just the first. */
    @PostMapping
    ResponseEntity<ExperimentReport> start(
            @PathVariable String market, @RequestBody JsonNode body, Principal reviewer) {
        ExperimentReport started = experiments.start(Actor.of(reviewer), market, NewExperiment.from(body));
        return ResponseEntity.created(URI.create("/api/v1/markets/" + market + "/experiments/"
                        + started.experiment().id()))
                .body(started);
    }

    @GetMapping
    List<Experiment> list(@PathVariable String market) {
        return experiments.list(market);
    }

    @GetMapping("/{id}")
    ExperimentReport get(@PathVariable String market, @PathVariable String id) {
        return experiments.report(market, id);
    }

    @PostMapping("/{id}/stop")
    ExperimentReport stop(@PathVariable String market, @PathVariable String id, Principal reviewer) {
        return experiments.stop(reviewer.getName(), market, id);
    }

    @PostMapping("/{id}/promote")
    ExperimentReport promote(@PathVariable String market, @PathVariable String id, Principal admin) {
        return experiments.promote(Actor.of(admin), market, id);
    }
}

package io.credence.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/drift")
class DriftController {

    private final DriftMonitor drift;

    DriftController(DriftMonitor drift) {
        this.drift = drift;
    }

    @GetMapping
    DriftReport report() {
        return drift.report();
    }
}

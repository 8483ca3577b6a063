package io.credence.outcome;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PerformanceController {

    private final PerformanceService performance;

    PerformanceController(PerformanceService performance) {
        this.performance = performance;
    }

    @GetMapping("/api/v1/markets/{market}/performance")
    PerformanceReport report(
            @PathVariable String market,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return performance.report(market, version, from, to);
    }
}

package io.credence.simulation;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The two ends of a backtest run on Apache Spark: the spec it runs, and the report it sends back. */
@RestController
@RequestMapping("/api/v1/markets/{market}/simulations")
class SparkBacktestController {

    private final SparkBacktestService spark;

    SparkBacktestController(SparkBacktestService spark) {
        this.spark = spark;
    }

    /** Save the answer as spec.json and pass it to the backtest-spark jar with --spec. */
    @GetMapping("/spec")
    BacktestSpec spec(
            @PathVariable String market,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Integer against,
            @RequestParam(required = false) Integer minBandCount) {
        return spark.spec(market, version, against, minBandCount);
    }

    /** The report.json the backtest-spark jar wrote (it sends it itself with --report-url). */
    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Simulation> report(@PathVariable String market, @RequestBody String report, Principal actor) {
        Simulation stored = spark.accept(actor.getName(), market, report);
        return ResponseEntity.created(URI.create("/api/v1/markets/" + market + "/simulations/" + stored.id()))
                .body(stored);
    }
}

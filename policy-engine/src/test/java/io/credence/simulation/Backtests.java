package io.credence.simulation;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.engine.Warmup;
import io.credence.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/** Runs backtests the way the runner does, without Spring or a database: for plain unit tests. */
final class Backtests {

    private static final ExecutorService WORKERS =
            Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Backtests() {}

    /** The GB seed with some artifacts replaced by the test's fixtures ({@code "approval.drl" -> "x.drl"}). */
    static CompiledPolicy gbSeedWith(Class<?> test, int version, Map<String, String> replacements) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("GB").artifacts());
        replacements.forEach((artifact, fixture) -> artifacts.put(artifact, Fixtures.text(test, fixture)));
        return warm(PolicyCompiler.compile(PolicyPackage.of("GB", artifacts), version));
    }

    static CompiledPolicy gbSeed(int version) {
        return warm(PolicyCompiler.compile(SeedPackagesOnDisk.load("GB"), version));
    }

    /** As the runner does: cold rules may overrun the time budget on their first decisions. */
    private static CompiledPolicy warm(CompiledPolicy policy) {
        Warmup.run(policy, SimulationRunner.WARMUP_ROUNDS);
        return policy;
    }

    /** Decides {@code csv} with both versions in chunks of {@code chunkSize} rows on two workers. */
    static SimulationReport run(
            String csv, CompiledPolicy candidate, CompiledPolicy against, int minBandCount, int chunkSize)
            throws Exception {
        return run(csv.getBytes(StandardCharsets.UTF_8), candidate, against, minBandCount, chunkSize);
    }

    static SimulationReport run(
            byte[] bytes, CompiledPolicy candidate, CompiledPolicy against, int minBandCount, int chunkSize)
            throws Exception {
        try (RowSource source = new CsvRowSource(new ByteArrayInputStream(bytes), bytes.length)) {
            RowEvaluator evaluator = new RowEvaluator("GB", candidate, against, source.csv(), JSON);
            Tally total = Backtest.run(source, evaluator, WORKERS, chunkSize, 4, () -> false, (tally, percent) -> {});
            return total.report(against.version(), candidate.version(), minBandCount, source.fileProblems(), 1);
        }
    }
}

package io.credence.simulation;

import io.credence.engine.CompiledPolicy;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own backtest loop ({@link Backtest#run}: one reader, N workers, chunks of 256 rows),
 * without Spark and without the service's database, over a local CSV and a spec: the baseline the
 * Spark job is measured against (benchmarks/spark-backtest.sh). Prints the report's figures as JSON.
 *
 * <p>{@code java -cp credence-backtest-spark.jar io.credence.simulation.ServiceLoopBacktest spec.json
 * applications.csv [threads]}
 */
public final class ServiceLoopBacktest {

    private ServiceLoopBacktest() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ServiceLoopBacktest spec.json applications.csv [threads]");
            System.exit(2);
        }
        JsonMapper json = JsonMapper.builder().build();
        BacktestSpec spec = json.readValue(Files.readString(Path.of(args[0])), BacktestSpec.class);
        if (!spec.problems().isEmpty()) throw new IllegalArgumentException(String.join("; ", spec.problems()));
        Path csv = Path.of(args[1]);
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        long compileStarted = System.nanoTime();
        CompiledPolicy candidate = ExecutorPolicies.compiled(spec, spec.version());
        CompiledPolicy against =
                spec.against() == spec.version() ? candidate : ExecutorPolicies.compiled(spec, spec.against());
        long compileMillis = (System.nanoTime() - compileStarted) / 1_000_000;
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try (InputStream in = Files.newInputStream(csv);
                CsvRowSource source = new CsvRowSource(in, Files.size(csv))) {
            RowEvaluator evaluator = new RowEvaluator(spec.market(), candidate, against, source.csv(), json);
            Tally total =
                    Backtest.run(source, evaluator, workers, 256, threads * 2, () -> false, (tally, percent) -> {});
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            SimulationReport report = total.report(
                    spec.against(), spec.version(), spec.minBandCount(), source.fileProblems(), elapsedMillis);
            System.out.printf(
                    Locale.ROOT,
                    "{\"compileMillis\": %d, \"threads\": %d, \"report\": %s}%n",
                    compileMillis,
                    threads,
                    json.writeValueAsString(report));
        } finally {
            workers.shutdownNow();
        }
    }
}

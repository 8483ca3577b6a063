package io.credence.simulation;

import io.credence.engine.CompiledPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides one partition's rows inside an executor and returns its tally: one small object per partition
 * travels back to the driver, never a row. Compiled policies are not serialisable, so the executor
 * compiles the broadcast texts itself, once per JVM ({@link ExecutorPolicies}).
 */
final class PartitionDecider implements FlatMapFunction<Iterator<Tuple2<String, Long>>, Tally> {

    private static final int CHUNK = 256;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Broadcast<BacktestSpec> spec;
    private final String header;

    PartitionDecider(Broadcast<BacktestSpec> spec, String header) {
        this.spec = spec;
        this.header = header;
    }

    @Override
    public Iterator<Tally> call(Iterator<Tuple2<String, Long>> rows) {
        BacktestSpec backtest = spec.value();
        CompiledPolicy candidate = ExecutorPolicies.compiled(backtest, backtest.version());
        CompiledPolicy against = backtest.against() == backtest.version()
                ? candidate
                : ExecutorPolicies.compiled(backtest, backtest.against());
        RowEvaluator evaluator =
                new RowEvaluator(backtest.market(), candidate, against, CsvApplications.header(header), JSON);
        Tally tally = new Tally();
        List<RowEvaluator.RawRow> chunk = new ArrayList<>(CHUNK);
        while (rows.hasNext()) {
            Tuple2<String, Long> row = rows.next();
            String text = row._1();
            // Blank lines are skipped, as the service skips them.
            if (text.isBlank()) continue;
            long line = row._2();
            // The service numbers applications from 1 after the header; with no blank lines that is line - 1.
            chunk.add(new RowEvaluator.RawRow(line, line - 1, text, null, null, 0));
            if (chunk.size() == CHUNK) {
                tally.merge(evaluator.evaluate(chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) tally.merge(evaluator.evaluate(chunk));
        return List.of(tally).iterator();
    }
}

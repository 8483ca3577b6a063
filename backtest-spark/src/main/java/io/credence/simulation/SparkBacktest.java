package io.credence.simulation;

import io.credence.simulation.SimulationReport.InvalidRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product's backtest on Apache Spark: the same rows, the same engine, the same report as a run in the
 * service, over as many executors as the cluster has. The driver checks the spec's digests, reads the
 * input (CSV or Parquet, any Hadoop file system URI) with line numbers, has each partition decided by
 * {@link PartitionDecider} inside the executors, merges the partitions' tallies in input order and writes
 * (and optionally uploads) the report.
 *
 * <p>It lives in the simulation package, in its own jar, so that it drives exactly the package-private
 * backtest core the service runs ({@link RowEvaluator}, {@link Tally}, {@link CsvApplications}).
 */
public final class SparkBacktest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int STAGES = 6;

    private final Options options;
    private final PrintStream console;

    SparkBacktest(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("credence-backtest: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            new SparkBacktest(options, System.out).run();
        } catch (BacktestFailure e) {
            System.err.println("credence-backtest: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the backtest and returns the report as written to {@code --output}. */
    ObjectNode run() {
        // Netty (inside Spark) reads these before its first use; java -jar cannot pass -D options from the manifest.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        BacktestSpec spec = readSpec();
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) throw new BacktestFailure("the spec cannot be run: " + String.join("; ", problems));
        stage(
                1,
                "spec %s: v%d (%s) against v%d (%s); digests match",
                spec.market(),
                spec.version(),
                spec.policy(spec.version()).digest(),
                spec.against(),
                spec.policy(spec.against()).digest());

        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        SparkConf conf = new SparkConf()
                .setAppName(
                        "credence-backtest " + spec.market() + " v" + spec.version() + " against v" + spec.against());
        if (options.master() != null) conf.setMaster(options.master());
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            stage(
                    2,
                    "Spark %s, master %s, default parallelism %d",
                    spark.version(),
                    context.master(),
                    context.defaultParallelism());

            Input input = read(spark, context);
            CsvApplications header = CsvApplications.header(input.header());
            List<InvalidRow> fileProblems = header.headerProblems().isEmpty()
                    ? List.of()
                    : List.of(new InvalidRow(1, null, header.headerProblems()));
            int partitions = input.rows().getNumPartitions();
            stage(
                    3,
                    "input %s (%s): %d partitions, columns %s",
                    options.input(),
                    options.format(),
                    partitions,
                    input.header());

            Broadcast<BacktestSpec> broadcast = context.broadcast(spec);
            AtomicInteger done = new AtomicInteger();
            spark.sparkContext().addSparkListener(new PartitionProgress(done, partitions));
            stage(
                    4,
                    "deciding each row with v%d and v%d on the executors (each executor compiles and warms "
                            + "both versions once)",
                    spec.version(),
                    spec.against());
            List<Tally> tallies = input.rows()
                    .mapPartitions(new PartitionDecider(broadcast, input.header()))
                    .collect();
            Tally total = new Tally();
            tallies.forEach(total::merge);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            SimulationReport report =
                    total.report(spec.against(), spec.version(), spec.minBandCount(), fileProblems, elapsedMillis);
            stage(
                    5,
                    "%d rows: %d decided, %d invalid, %d changed, in %d ms (%d rows/s)",
                    report.rowsRead(),
                    report.rowsDecided(),
                    report.rowsInvalid(),
                    report.rowsChanged(),
                    elapsedMillis,
                    report.rowsPerSecond());

            ObjectNode out = reportJson(spec, report, startedAt, spark.version(), context.master(), partitions);
            write(out);
            if (options.reportUrl() != null) {
                String location =
                        new ReportUpload(options.reportUrl(), options.user()).send(JSON.writeValueAsString(out));
                stage(6, "uploaded to %s: %s", options.reportUrl(), location);
            } else {
                stage(6, "not uploaded (no --report-url)");
            }
            return out;
        } finally {
            spark.stop();
        }
    }

    /** The rows with their line numbers (as the service counts them) and the header they follow. */
    private record Input(String header, JavaPairRDD<String, Long> rows) {}

    private Input read(SparkSession spark, JavaSparkContext context) {
        if (options.format().equals("parquet")) {
            Dataset<Row> table;
            try {
                table = flattened(spark.read().parquet(options.input()));
            } catch (Exception e) {
                // Scala throws AnalysisException (no such path, not Parquet) without declaring it.
                if (e instanceof org.apache.spark.sql.AnalysisException) {
                    throw new BacktestFailure("cannot read " + options.input() + " as Parquet: " + e.getMessage());
                }
                throw e;
            }
            String[] columns = table.columns();
            String header = CsvCells.line(List.of(columns));
            // A Parquet row is numbered as the CSV line it would be: the header is line 1.
            JavaPairRDD<String, Long> rows = table.javaRDD()
                    .map(CsvCells::line)
                    .zipWithIndex()
                    .mapToPair(row -> new scala.Tuple2<>(row._1(), row._2() + 2));
            return new Input(header, rows);
        }
        JavaRDD<String> lines = context.textFile(options.input(), context.defaultParallelism());
        String header;
        try {
            header = lines.first();
        } catch (UnsupportedOperationException e) {
            throw new BacktestFailure(options.input() + " is empty: expected a header line naming the columns by JSON "
                    + "path (applicant.age, loan.amount…), then one application per line");
        } catch (RuntimeException e) {
            // Hadoop's InvalidInputException (no such path) reaches Java unchecked, through Scala.
            if (e.getClass().getSimpleName().equals("InvalidInputException")) {
                throw new BacktestFailure("cannot read " + options.input() + ": " + e.getMessage());
            }
            throw e;
        }
        // zipWithIndex numbers lines in file order across partitions, so invalid rows and samples carry
        // the same line numbers as in the service's report.
        JavaPairRDD<String, Long> rows = lines.zipWithIndex()
                .filter(line -> line._2() > 0)
                .mapToPair(line -> new scala.Tuple2<>(line._1(), line._2() + 1));
        return new Input(stripBom(header), rows);
    }

    /**
     * A lake's table may nest the request's objects (a column applicant of type struct with a field age):
     * each leaf becomes a column named by its JSON path, applicant.age, as the CSV names it.
     */
    static Dataset<Row> flattened(Dataset<Row> table) {
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        leaves(table.schema(), "", "", columns);
        return table.select(columns.toArray(org.apache.spark.sql.Column[]::new));
    }

    /** {@code reference} backticks each part, so that a flat column literally named "applicant.age" still resolves. */
    private static void leaves(
            org.apache.spark.sql.types.StructType struct,
            String path,
            String reference,
            List<org.apache.spark.sql.Column> columns) {
        for (org.apache.spark.sql.types.StructField field : struct.fields()) {
            String leafPath = path + field.name();
            String leafReference = reference + "`" + field.name().replace("`", "``") + "`";
            if (field.dataType() instanceof org.apache.spark.sql.types.StructType nested) {
                leaves(nested, leafPath + ".", leafReference + ".", columns);
            } else {
                columns.add(org.apache.spark.sql.functions.col(leafReference).alias(leafPath));
            }
        }
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private BacktestSpec readSpec() {
        try {
            return JSON.readValue(
                    Files.readString(Path.of(options.spec()), StandardCharsets.UTF_8), BacktestSpec.class);
        } catch (IOException e) {
            throw new BacktestFailure("cannot read the spec " + options.spec() + ": " + e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw new BacktestFailure("the spec " + options.spec() + " is not a backtest spec (export it with GET "
                    + "/api/v1/markets/{market}/simulations/spec?version=n&against=k): " + e.getOriginalMessage());
        }
    }

    /** The report in the shape of GET …/simulations/{id} of a completed run, marked as run on Spark. */
    private ObjectNode reportJson(
            BacktestSpec spec,
            SimulationReport report,
            Instant startedAt,
            String sparkVersion,
            String master,
            int partitions) {
        ObjectNode out = JSON.createObjectNode();
        out.put("market", spec.market());
        out.put("version", spec.version());
        out.put("against", spec.against());
        out.put("source", "spark");
        out.put("fileName", fileName(options.input()));
        out.put("minBandCount", spec.minBandCount());
        out.put("status", "COMPLETED");
        out.put("progress", 100);
        out.put("startedAt", startedAt.toString());
        out.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        out.put("versionDigest", spec.policy(spec.version()).digest());
        out.put("againstDigest", spec.policy(spec.against()).digest());
        out.setAll((ObjectNode) JSON.valueToTree(report));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("input", options.input());
        run.put("format", options.format());
        run.put("sparkVersion", sparkVersion);
        run.put("master", master);
        run.put("partitions", partitions);
        out.set("spark", JSON.valueToTree(run));
        return out;
    }

    private void write(ObjectNode report) {
        try {
            Path output = Path.of(options.output());
            if (output.getParent() != null) Files.createDirectories(output.getParent());
            Files.writeString(output, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
            throw new BacktestFailure("cannot write the report to " + options.output() + ": " + e.getMessage());
        }
    }

    static String fileName(String input) {
        String trimmed = input.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private void stage(int n, String format, Object... args) {
        console.printf(
                Locale.ROOT, "credence-backtest [%d/%d] %s%n", n, STAGES, String.format(Locale.ROOT, format, args));
        console.flush();
    }

    /** One line per finished partition, so a long run shows it is moving. */
    private final class PartitionProgress extends SparkListener {
        private final AtomicInteger done;
        private final int partitions;

        PartitionProgress(AtomicInteger done, int partitions) {
            this.done = done;
            this.partitions = partitions;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (!taskEnd.taskInfo().successful()) return;
            console.printf(
                    Locale.ROOT,
                    "credence-backtest       task %d done (stage %d)%n",
                    done.incrementAndGet(),
                    taskEnd.stageId());
        }
    }

    /** A failure the user can act on, shown as one line without a stack trace. */
    static final class BacktestFailure extends RuntimeException {
        BacktestFailure(String message) {
            super(message);
        }
    }

    /** The command line. */
    record Options(
            String master, String spec, String input, String format, String output, String reportUrl, String user) {

        static final String USAGE = """
                usage: java -jar credence-backtest-spark.jar [--master local[2]] --spec spec.json --input URI \
                [--format csv|parquet] --output report.json [--report-url http://host/api/v1/markets/GB/simulations/reports \
                --user NAME:PASSWORD]
                  or:  spark-submit --class io.credence.simulation.SparkBacktest credence-backtest-spark.jar --spec … \
                --input hdfs:///… --format parquet --output report.json""";

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!List.of("--master", "--spec", "--input", "--format", "--output", "--report-url", "--user")
                        .contains(name)) {
                    problems.add("unknown option " + name);
                } else if (i + 1 >= args.length) {
                    problems.add(name + " needs a value");
                } else {
                    values.put(name, args[++i]);
                }
            }
            for (String required : List.of("--spec", "--input", "--output")) {
                if (!values.containsKey(required)) problems.add(required + " is required");
            }
            String input = values.get("--input");
            String format = values.getOrDefault(
                    "--format",
                    input != null && input.toLowerCase(Locale.ROOT).contains(".parquet") ? "parquet" : "csv");
            if (!format.equals("csv") && !format.equals("parquet")) problems.add("--format must be csv or parquet");
            String url = values.get("--report-url");
            String user = values.get("--user");
            if (url != null && (user == null || !user.contains(":"))) {
                problems.add("--report-url needs --user NAME:PASSWORD (an analyst's or reviewer's)");
            }
            if (url != null && !url.matches("https?://.+/api/v1/markets/[A-Z]{2}/simulations/reports")) {
                problems.add("--report-url must look like http://host:8080/api/v1/markets/GB/simulations/reports");
            }
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
            return new Options(
                    values.get("--master"), values.get("--spec"), input, format, values.get("--output"), url, user);
        }
    }
}

package io.credence.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.engine.Warmup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spark job in local mode, run from the shaded jar's classes, over the German credit demo (the UCI
 * data of shared/data mapped onto GB, see docs/german-credit-mapping.md), against the service's own
 * backtest loop over the same file: the report must be the same, figure for figure.
 */
class SparkBacktestIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ROOT = root();
    private static final Path GERMAN_CREDIT =
            ROOT.resolve("policy-engine/src/main/resources/demo/german-credit-GB.csv");

    @TempDir
    static Path dir;

    private static BacktestSpec spec;
    private static SimulationReport inProduct;

    @BeforeAll
    static void backtestTheSameRowsInTheServicesOwnLoop() throws Exception {
        PolicyPackage seed = seed("GB");
        Map<String, String> lowered = new TreeMap<>(seed.artifacts());
        // The candidate lowers the income floor, so that some decisions change between the versions.
        // The floor is market.json's minimumMonthlyIncome parameter (1000), edited as the Settings form does.
        String settings = lowered.get(PolicyPackage.SETTINGS);
        String floor = "\"minimumMonthlyIncome\": { \"type\": \"money\", \"value\": 1000,";
        assertThat(settings).contains(floor);
        lowered.put(PolicyPackage.SETTINGS, settings.replace(floor, floor.replace("1000", "700")));
        PolicyPackage candidate = PolicyPackage.of("GB", lowered);
        spec = new BacktestSpec(
                "GB",
                2,
                1,
                30,
                List.of(
                        new BacktestSpec.Policy(2, "DRAFT", candidate.digest(), candidate.artifacts()),
                        new BacktestSpec.Policy(1, "ACTIVE", seed.digest(), seed.artifacts())));
        Files.writeString(dir.resolve("spec.json"), JSON.writeValueAsString(spec));

        CompiledPolicy byCandidate = PolicyCompiler.compileStored(candidate, 2);
        CompiledPolicy byAgainst = PolicyCompiler.compileStored(seed, 1);
        Warmup.run(byCandidate, ExecutorPolicies.WARMUP_ROUNDS);
        Warmup.run(byAgainst, ExecutorPolicies.WARMUP_ROUNDS);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (InputStream in = Files.newInputStream(GERMAN_CREDIT);
                CsvRowSource source = new CsvRowSource(in, Files.size(GERMAN_CREDIT))) {
            RowEvaluator evaluator = new RowEvaluator("GB", byCandidate, byAgainst, source.csv(), JSON);
            Tally total = Backtest.run(source, evaluator, workers, 256, 4, () -> false, (tally, percent) -> {});
            inProduct = total.report(1, 2, 30, source.fileProblems(), 1);
        } finally {
            workers.shutdownNow();
            byCandidate.close();
            byAgainst.close();
        }
    }

    @AfterAll
    static void noSessionLeftBehind() {
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
    }

    @Test
    void a_csv_backtest_on_spark_reports_what_the_services_own_loop_reports_for_the_same_rows() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        JsonNode report = run(
                console,
                "--input",
                GERMAN_CREDIT.toString(),
                "--output",
                dir.resolve("csv.json").toString());

        assertThat(inProduct.rowsChanged())
                .as("the candidate must change some decisions for this test to mean anything")
                .isPositive();
        assertSameFigures(report, inProduct);
        assertThat(report.get("source").asString()).isEqualTo("spark");
        assertThat(report.get("fileName").asString()).isEqualTo("german-credit-GB.csv");
        assertThat(report.get("versionDigest").asString())
                .isEqualTo(spec.policy(2).digest());
        assertThat(JSON.readTree(Files.readString(dir.resolve("csv.json"))))
                .as("the output file holds the report")
                .isEqualTo(JSON.readTree(JSON.writeValueAsString(report)));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("[1/6] spec GB: v2", "digests match", "[3/6] input", "[5/6] 1000 rows", "[6/6] not uploaded");
    }

    @Test
    void a_parquet_backtest_maps_its_columns_by_json_path_and_reports_the_same_matrix() throws IOException {
        Path parquet = dir.resolve("applications.parquet");
        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        try {
            // Typed columns, as a lake holds them: integers and decimals, not text.
            spark.read()
                    .option("header", true)
                    .option("inferSchema", true)
                    .csv(GERMAN_CREDIT.toString())
                    .write()
                    .parquet(parquet.toString());
        } finally {
            spark.stop();
        }

        JsonNode report = run(
                new ByteArrayOutputStream(),
                "--input",
                parquet.toString(),
                "--format",
                "parquet",
                "--output",
                dir.resolve("parquet.json").toString());

        assertThat(report.get("matrix")).isEqualTo(JSON.valueToTree(inProduct.matrix()));
        assertThat(report.get("rowsDecided").asLong()).isEqualTo(inProduct.rowsDecided());
        assertThat(report.get("badRates")).isEqualTo(JSON.valueToTree(inProduct.badRates()));
        assertThat(report.get("spark").get("format").asString()).isEqualTo("parquet");
    }

    @Test
    void a_parquet_table_that_nests_the_requests_objects_as_structs_is_read_by_the_paths_of_its_leaves() {
        Path nested = dir.resolve("nested.parquet");
        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        try {
            Dataset<Row> flat = spark.read()
                    .option("header", true)
                    .option("inferSchema", true)
                    .csv(GERMAN_CREDIT.toString());
            // applicant.age becomes the field age of a struct column applicant, and so on for each object.
            Map<String, List<Column>> byObject = new LinkedHashMap<>();
            for (String column : flat.columns()) {
                int dot = column.indexOf('.');
                String object = dot < 0 ? column : column.substring(0, dot);
                Column leaf = functions.col("`" + column + "`");
                byObject.computeIfAbsent(object, o -> new ArrayList<>())
                        .add(dot < 0 ? leaf : leaf.alias(column.substring(dot + 1)));
            }
            List<Column> columns = new ArrayList<>();
            byObject.forEach((object, leaves) -> columns.add(
                    List.of(flat.columns()).contains(object)
                            ? leaves.getFirst()
                            : functions.struct(leaves.toArray(Column[]::new)).alias(object)));
            flat.select(columns.toArray(Column[]::new)).write().parquet(nested.toString());
        } finally {
            spark.stop();
        }

        JsonNode report = run(
                new ByteArrayOutputStream(),
                "--input",
                nested.toString(),
                "--output",
                dir.resolve("nested.json").toString());

        assertThat(report.get("spark").get("format").asString())
                .as("the format follows from the name")
                .isEqualTo("parquet");
        assertThat(report.get("rowsInvalid").asLong()).isEqualTo(inProduct.rowsInvalid());
        assertThat(report.get("matrix")).isEqualTo(JSON.valueToTree(inProduct.matrix()));
    }

    @Test
    void a_spec_whose_artifacts_were_changed_after_export_is_refused_before_spark_starts() throws IOException {
        BacktestSpec.Policy candidate = spec.policy(2);
        Map<String, String> edited = new TreeMap<>(candidate.artifacts());
        edited.put(PolicyPackage.APPROVAL, edited.get(PolicyPackage.APPROVAL) + "\n// edited by hand\n");
        BacktestSpec tampered = new BacktestSpec(
                "GB",
                2,
                1,
                30,
                List.of(new BacktestSpec.Policy(2, "DRAFT", candidate.digest(), edited), spec.policy(1)));
        Path file = dir.resolve("tampered.json");
        Files.writeString(file, JSON.writeValueAsString(tampered));

        assertThatThrownBy(() -> new SparkBacktest(
                                SparkBacktest.Options.parse(new String[] {
                                    "--master",
                                    "local[1]",
                                    "--spec",
                                    file.toString(),
                                    "--input",
                                    GERMAN_CREDIT.toString(),
                                    "--output",
                                    dir.resolve("never.json").toString()
                                }),
                                new PrintStream(new ByteArrayOutputStream()))
                        .run())
                .hasMessageContaining("version 2's artifacts do not match its digest");
        assertThat(dir.resolve("never.json")).doesNotExist();
    }

    @Test
    void the_command_line_names_every_mistake_at_once() {
        assertThatThrownBy(() -> SparkBacktest.Options.parse(new String[] {
                    "--input",
                    "a.csv",
                    "--format",
                    "orc",
                    "--report-url",
                    "http://credence/api/v1/markets/GB/simulations/reports",
                    "--colour",
                    "red"
                }))
                .hasMessageContaining("unknown option --colour")
                .hasMessageContaining("--spec is required")
                .hasMessageContaining("--output is required")
                .hasMessageContaining("--format must be csv or parquet")
                .hasMessageContaining("--report-url needs --user NAME:PASSWORD");
        assertThatThrownBy(() -> SparkBacktest.Options.parse(new String[] {
                    "--spec",
                    "s.json",
                    "--input",
                    "a.csv",
                    "--output",
                    "r.json",
                    "--report-url",
                    "http://credence/api/v1/markets/GB/simulations",
                    "--user",
                    "a:b"
                }))
                .hasMessageContaining("--report-url must look like");
        assertThat(SparkBacktest.Options.parse(new String[] {
                            "--spec", "s.json", "--input", "s3a://lake/apps.parquet", "--output", "r.json"
                        })
                        .format())
                .isEqualTo("parquet");
    }

    private static JsonNode run(ByteArrayOutputStream console, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--master";
        all[1] = "local[2]";
        all[2] = "--spec";
        all[3] = dir.resolve("spec.json").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return new SparkBacktest(
                        SparkBacktest.Options.parse(all), new PrintStream(console, true, StandardCharsets.UTF_8))
                .run();
    }

    private static void assertSameFigures(JsonNode report, SimulationReport expected) {
        JsonNode wanted = JSON.valueToTree(expected);
        for (String field : List.of(
                "rowsRead",
                "rowsDecided",
                "rowsInvalid",
                "rowsLabelled",
                "rowsChanged",
                "matrix",
                "approvalRates",
                "badRates",
                "stats",
                "ageBands",
                "minBandCount",
                "fourFifths",
                "fileProblems",
                "invalidRows",
                "changedSample")) {
            assertThat(report.get(field)).as(field).isEqualTo(wanted.get(field));
        }
    }

    private static PolicyPackage seed(String market) throws IOException {
        Map<String, String> artifacts = new TreeMap<>();
        for (String name : List.of(
                PolicyPackage.FRAUD,
                PolicyPackage.APPROVAL,
                PolicyPackage.PRICING,
                PolicyPackage.SETTINGS,
                PolicyPackage.REASONS)) {
            artifacts.put(
                    name, Files.readString(ROOT.resolve("rules").resolve(market).resolve(name)));
        }
        artifacts.put(
                PolicyPackage.SCORECARD,
                Files.readString(ROOT.resolve("pmml-models").resolve(market).resolve("scorecard.pmml")));
        return PolicyPackage.of(market, artifacts);
    }

    private static Path root() {
        Path at = Path.of("").toAbsolutePath();
        while (at != null && !Files.isDirectory(at.resolve("rules"))) at = at.getParent();
        if (at == null) throw new IllegalStateException("cannot find the repository's rules/ folder");
        return at;
    }
}

package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each seed market ships its scenario table as test cases: rules/{market}/test-cases.csv is written from
 * SeedPolicyScenariosTest/{market}.md, the one source, and this test fails when the two drift apart.
 * Regenerate with {@code ./mvnw -pl policy-engine test -Dtest=SeedTestCasesTest -Dcredence.seed.write=true}.
 *
 * <p>Rows whose signals are fraud-list hits or application counts are left out: those come from the
 * engine's own stores, not from the application a test case holds. So are a row's "must not give" reasons,
 * which a test case cannot express; the APR and amount a row gives are expected exactly.
 */
class SeedTestCasesTest {

    private static final Set<String> FROM_STORES =
            Set.of("customer listed", "device listed", "device apps 24h", "customer apps 30d");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<String> markets() {
        return SeedPackagesCompileTest.markets().toList();
    }

    @ParameterizedTest
    @MethodSource("markets")
    void the_seed_test_cases_are_the_scenario_table(String market) throws IOException {
        Path file = SeedPackagesOnDisk.root().resolve("rules").resolve(market).resolve("test-cases.csv");
        String expected = csv(market);
        if (Boolean.getBoolean("credence.seed.write")) Files.writeString(file, expected, StandardCharsets.UTF_8);

        assertThat(file)
                .as("rules/" + market + "/test-cases.csv; regenerate with -Dcredence.seed.write=true")
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("rules/" + market + "/test-cases.csv is out of date with SeedPolicyScenariosTest/" + market
                        + ".md; regenerate with -Dcredence.seed.write=true")
                .isEqualTo(expected);
    }

    static String csv(String market) {
        String currency = SeedPackagesOnDisk.load(market)
                .artifact(PolicyPackage.SETTINGS)
                .replaceAll("(?s).*\"currency\"\\s*:\\s*\"([A-Z]{3})\".*", "$1");
        StringWriter out = new StringWriter();
        try (CsvWriter writer =
                CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            List<String> header = new ArrayList<>();
            header.add("name");
            header.addAll(ApplicationColumns.names());
            header.addAll(List.of(
                    "expectedOutcome",
                    "expectedReasons",
                    "expectedAmount",
                    "amountTolerance",
                    "expectedApr",
                    "aprTolerance"));
            writer.writeRecord(header);
            for (SeedPolicyScenariosTest.Scenario scenario : SeedPolicyScenariosTest.ScenarioTable.read(market)) {
                if (scenario.signals().keySet().stream().anyMatch(FROM_STORES::contains)) continue;
                JsonNode application = JSON.valueToTree(scenario.application(market, currency));
                List<String> cells = new ArrayList<>();
                cells.add(scenario.description());
                ApplicationColumns.names().forEach(path -> cells.add(ApplicationColumns.cell(application, path)));
                cells.add(scenario.outcome());
                cells.add(String.join(" ", scenario.requiredReasons()));
                cells.add(plain(scenario.approved()));
                cells.add("");
                cells.add(plain(scenario.apr()));
                cells.add("");
                writer.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }
}

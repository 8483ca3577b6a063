package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.engine.Warmup;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.credence.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestCaseCsvTest {

    @Test
    void an_exported_file_reads_back_as_the_same_cases() {
        List<TestCaseCsv.Line> lines = TestCaseCsv.read(Fixtures.text(TestCaseCsvTest.class, "two-cases.csv"), "MX");
        List<PolicyTestCase> cases =
                lines.stream().map(line -> stored(line.testCase())).toList();

        List<TestCaseCsv.Line> again = TestCaseCsv.read(TestCaseCsv.write(cases), "MX");

        assertThat(again)
                .extracting(TestCaseCsv.Line::testCase)
                .isEqualTo(lines.stream().map(TestCaseCsv.Line::testCase).toList());
        NewTestCase approved = lines.get(0).testCase();
        assertThat(approved.name()).isEqualTo("prime applicant, quoted, \"in full\"");
        assertThat(approved.application().get("applicant").get("age").asInt()).isEqualTo(35);
        assertThat(approved.application().get("applicant").get("kycVerified").asBoolean())
                .isTrue();
        assertThat(approved.expectedAmount()).isEqualByComparingTo("100000");
        assertThat(approved.expectedApr()).isEqualByComparingTo("0.28");
        assertThat(approved.aprTolerance()).isEqualByComparingTo("0.005");
        assertThat(lines.get(1).testCase().expectedReasons()).containsExactly("AP_UNDERAGE", "AP_LOW_SCORE");
        assertThat(lines.get(1).testCase().application().has("device")).isFalse();
    }

    @Test
    void names_every_problem_of_every_line_and_the_unknown_columns() {
        assertThatThrownBy(() -> TestCaseCsv.read(Fixtures.text(TestCaseCsvTest.class, "mistakes.csv"), "MX"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("line 1: applicant.shoeSize", "line 3: expectedApr", "line 4"));
    }

    @Test
    void an_empty_file_is_refused_with_the_columns_it_needs() {
        assertThatThrownBy(() -> TestCaseCsv.read("", "MX"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems().get(0).message())
                                .contains("name", "applicant.age", "expectedOutcome"));
    }

    /** What SeedTestCasesTest writes from the scenario tables passes on the seed it ships with. */
    @ParameterizedTest
    @ValueSource(strings = {"BR", "GB", "ID", "IN", "MX", "PH"})
    void every_seed_test_case_passes_on_its_seed(String market) throws Exception {
        String csv = Files.readString(SeedPackagesOnDisk.root().resolve(Path.of("rules", market, "test-cases.csv")));
        try (CompiledPolicy seed = PolicyCompiler.compile(SeedPackagesOnDisk.load(market), 1)) {
            Warmup.run(seed, 3);
            List<PolicyTestCase> cases = TestCaseCsv.read(csv, market).stream()
                    .map(line -> stored(line.testCase()))
                    .toList();

            List<TestCaseResult> results = PolicyTesting.run(seed, cases);

            assertThat(results)
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.passed())
                            .as(r.name() + ": " + r.problem())
                            .isTrue());
            assertThat(TestCoverage.uncovered(SeedPackagesOnDisk.load(market).artifacts(), results))
                    .as("rules no seed case fires")
                    .contains("fraud: customer on fraud list");
        }
    }

    private static PolicyTestCase stored(NewTestCase c) {
        return new PolicyTestCase(
                "id",
                c.name(),
                c.application(),
                c.expectedOutcome(),
                c.expectedReasons(),
                "analyst",
                Instant.EPOCH,
                c.expectedAmount(),
                c.amountTolerance(),
                c.expectedApr(),
                c.aprTolerance());
    }
}

package io.credence.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.credence.engine.CompiledPolicy;
import io.credence.shared.FieldProblem;
import io.credence.simulation.SimulationReport.InvalidRow;
import io.credence.support.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A malformed CSV is reported row by row, never failing the run: a bad header, bad values, an empty
 * file, a line too long to hold. The rows that are fine are still decided (by the GB seed policy).
 */
class SimulationCsvTest {

    private static final String HEADER = "applicant.customerId,applicant.age,applicant.monthlyIncome,"
            + "applicant.employmentStatus,applicant.kycVerified,product,loan.amount,loan.currency,loan.termMonths,"
            + "bureau.score\n";
    private static final String GOOD_ROW = "C-1,34,3000,SALARIED,true,PERSONAL_LOAN,5000,GBP,24,900\n";

    private static CompiledPolicy policy;

    @BeforeAll
    static void compile() {
        policy = Backtests.gbSeed(1);
    }

    @AfterAll
    static void release() {
        policy.close();
    }

    @Test
    void reports_unknown_repeated_and_unnamed_columns_and_a_missing_required_one_then_every_row_that_needs_it()
            throws Exception {
        SimulationReport report = run(Fixtures.text(getClass(), "bad-header.csv"));

        assertThat(report.fileProblems()).singleElement().satisfies(header -> {
            assertThat(header.line()).isEqualTo(1);
            assertThat(header.errors())
                    .extracting(FieldProblem::field)
                    .containsExactly("applicant.agee", "loan.amount", "column 12", "applicant.age");
            assertThat(header.errors().getFirst().message()).startsWith("is not a field of a decision request");
            assertThat(header.errors().get(1).message()).isEqualTo("appears more than once; only the first is read");
        });
        assertThat(report.invalidRows())
                .extracting(InvalidRow::line, InvalidRow::applicationId)
                .containsExactly(tuple(2L, "row-1"), tuple(3L, "row-2"));
        assertThat(report.invalidRows())
                .allSatisfy(row ->
                        assertThat(row.errors()).containsExactly(new FieldProblem("applicant.age", "is required")));
        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.rowsDecided()).isZero();
    }

    @Test
    void reports_every_bad_value_by_line_and_decides_the_good_rows() throws Exception {
        SimulationReport report = run(Fixtures.text(getClass(), "bad-values.csv"));

        Map<Long, List<String>> fields = report.invalidRows().stream()
                .collect(Collectors.toMap(
                        InvalidRow::line,
                        row -> row.errors().stream().map(FieldProblem::field).toList()));
        assertThat(fields).containsOnlyKeys(3L, 4L, 5L, 7L, 9L, 10L, 11L, 12L);
        assertThat(fields.get(3L)).containsExactly("applicant.monthlyIncome");
        assertThat(fields.get(4L))
                .containsExactly(
                        "applicant.employmentStatus", "applicant.kycVerified", "loan.amount", "loan.termMonths");
        assertThat(fields.get(5L)).containsExactly("label");
        assertThat(fields.get(11L)).containsExactly("product", "applicant", "loan");
        assertThat(fields.get(12L)).containsExactly("bureau.score");
        assertThat(message(report, 7L)).isEqualTo("the line has 9 cells but the header names 12 columns");
        assertThat(message(report, 9L)).isEqualTo("the line has an unterminated quoted cell");
        assertThat(message(report, 10L)).startsWith("the line is not valid CSV");
        assertThat(report.invalidRows())
                .filteredOn(row -> row.line() == 11L)
                .extracting(InvalidRow::applicationId)
                .containsExactly("row-9");

        assertThat(report.rowsDecided()).isEqualTo(2);
        assertThat(report.rowsInvalid()).isEqualTo(8);
        assertThat(report.rowsLabelled()).isEqualTo(2);
    }

    @Test
    void a_row_lists_all_its_problems_at_once_those_of_the_markets_settings_included() throws Exception {
        SimulationReport report = run(Fixtures.text(getClass(), "every-problem-of-a-row.csv"));

        assertThat(report.invalidRows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.errors())
                    .extracting(FieldProblem::field)
                    .containsExactly("label", "applicant.employmentStatus", "loan.currency", "bureau.score");
            assertThat(row.errors().get(2).message()).isEqualTo("must be GBP, the currency of market GB");
            assertThat(row.errors().get(3).message()).startsWith("must be between 0 and 999");
        });
        assertThat(report.rowsDecided()).isEqualTo(1);
    }

    @Test
    void reports_an_empty_file_without_failing() throws Exception {
        SimulationReport report = run("");

        assertThat(report.fileProblems())
                .singleElement()
                .satisfies(problem ->
                        assertThat(problem.errors().getFirst().message()).startsWith("the file is empty"));
        assertThat(report.rowsRead()).isZero();
        assertThat(report.matrix().get("APPROVE").get("APPROVE")).isZero();
        assertThat(report.approvalRates().against()).isNull();
    }

    @Test
    void a_header_alone_is_no_rows_and_names_the_missing_columns() throws Exception {
        SimulationReport report = run(Fixtures.text(getClass(), "header-only.csv"));

        assertThat(report.rowsRead()).isZero();
        assertThat(report.fileProblems().getFirst().errors())
                .extracting(FieldProblem::field)
                .contains("product", "applicant.monthlyIncome", "loan.amount");
    }

    @Test
    void skips_a_line_too_long_to_hold_and_decides_the_lines_around_it() throws Exception {
        String huge = "C-2," + "9".repeat(5 * 1024 * 1024) + ",3000,SALARIED,true,PERSONAL_LOAN,5000,GBP,24,900\n";

        SimulationReport report = run(HEADER + GOOD_ROW + huge + GOOD_ROW.replace("C-1", "C-3"));

        assertThat(report.invalidRows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.applicationId()).isEqualTo("row-2");
            assertThat(row.errors()).containsExactly(new FieldProblem("$", "the line is longer than 32 KiB"));
        });
        assertThat(report.rowsDecided()).isEqualTo(2);
    }

    @Test
    void reports_a_line_that_is_not_utf8_and_reads_a_bom_and_crlf_line_ends() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.writeBytes((HEADER + GOOD_ROW).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'C', '-', (byte) 0xFF, (byte) 0xFE, '\r', '\n'});
        file.writeBytes(GOOD_ROW.getBytes(StandardCharsets.UTF_8));

        SimulationReport report = run(file.toByteArray());

        assertThat(report.fileProblems()).isEmpty();
        assertThat(report.invalidRows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.errors()).containsExactly(new FieldProblem("$", "the line is not UTF-8 text"));
        });
        assertThat(report.rowsDecided()).isEqualTo(2);
    }

    @Test
    void fills_the_application_id_and_market_when_absent_and_keeps_them_when_present() {
        CsvApplications csv =
                CsvApplications.header("applicationId,market,applicant.age,applicant.kycVerified,loan.amount");

        assertThat(csv.row(7, ",,34,true,1200.50", "GB").json())
                .isEqualTo("{\"applicant\":{\"age\":34,\"kycVerified\":true},\"loan\":{\"amount\":1200.50},"
                        + "\"applicationId\":\"row-7\",\"market\":\"GB\"}");
        assertThat(csv.row(8, "A-1,IN,34.0,TRUE,1e3", "GB").json())
                .isEqualTo(
                        "{\"applicationId\":\"A-1\",\"market\":\"IN\",\"applicant\":{\"age\":34.0,\"kycVerified\":true},"
                                + "\"loan\":{\"amount\":1E+3}}");
    }

    private static String message(SimulationReport report, long line) {
        return report.invalidRows().stream()
                .filter(row -> row.line() == line)
                .findFirst()
                .orElseThrow()
                .errors()
                .getFirst()
                .message();
    }

    private static SimulationReport run(String csv) throws Exception {
        return run(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static SimulationReport run(byte[] csv) throws Exception {
        return Backtests.run(csv, policy, policy, 20, 4);
    }
}

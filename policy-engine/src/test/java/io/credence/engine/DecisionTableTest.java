package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Decision tables compile into their stage through the same sandbox as DRL, and every error names
 * the table and the cell (row and column) an analyst has to change.
 */
class DecisionTableTest {

    private static final String GRID = "pricing-grid.csv";

    @Test
    void the_india_seed_prices_from_its_decision_table() {
        PolicyPackage seed = SeedPackagesOnDisk.load("IN");

        assertThat(seed.artifacts()).containsKey(GRID);
        try (CompiledPolicy policy = PolicyCompiler.compile(seed, 1)) {
            assertThat(policy.digest()).isEqualTo(seed.digest());
        }
    }

    @Test
    void a_table_is_a_known_artifact_only_under_a_stage_name() {
        assertThat(DecisionTables.isTable("pricing-grid.csv")).isTrue();
        assertThat(DecisionTables.isTable("approval-income-cut-offs.csv")).isTrue();
        assertThat(DecisionTables.isTable("grid.csv")).isFalse();
        assertThat(DecisionTables.isTable("scoring-grid.csv")).isFalse();
        assertThat(DecisionTables.isTable("pricing-Grid.xlsx")).isFalse();
        assertThat(DecisionTables.stageOf("pricing-grid.csv")).isEqualTo("pricing");
    }

    @Test
    void a_word_in_a_column_of_numbers_is_named_by_its_cell() {
        List<ArtifactError> errors = errorsWithGrid("word-in-a-number-column.csv");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(GRID);
            assertThat(e.line()).isEqualTo(10);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).startsWith("row 10, column E (APR): \"0.169x\" is not a number");
        });
    }

    @Test
    void a_cell_that_would_close_the_generated_code_is_refused_before_drools_sees_it() {
        List<ArtifactError> errors = errorsWithGrid("code-breaking-cell.csv");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(10);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).contains("row 10, column E (APR)", "may not hold ;");
        });
    }

    @Test
    void a_cell_the_rules_cannot_compile_is_traced_to_its_row_and_column() {
        List<ArtifactError> errors = errorsWithGrid("unknown-name-in-a-cell.csv");

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.artifact()).isEqualTo(GRID));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).startsWith("row 9, column E (APR): ");
        });
    }

    @Test
    void an_unknown_field_in_the_code_row_is_traced_to_the_rows_it_breaks() {
        List<ArtifactError> errors = errorsWithGrid("unknown-field-in-the-code-row.csv");

        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(GRID);
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.message()).startsWith("row 9").contains("valeu");
        });
    }

    @Test
    void code_in_a_cell_goes_through_the_same_sandbox_as_drl() {
        List<ArtifactError> errors = errorsWithGrid("sandbox-escape-in-a-cell.csv");

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.artifact()).isEqualTo(GRID));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).contains("System");
        });
    }

    @Test
    void a_table_may_only_add_rules_to_the_stage_its_name_gives() {
        List<ArtifactError> errors = errorsWithGrid("wrong-stage.csv");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("RuleSet must be pricing");
        });
    }

    @Test
    void a_table_survives_a_round_trip_through_a_spreadsheet() {
        String csv = SeedPackagesOnDisk.load("IN").artifact(GRID);

        byte[] xlsx = DecisionTables.xlsx(csv, "pricing-grid");
        String back = DecisionTables.fromXlsx(new ByteArrayInputStream(xlsx));

        assertThat(DecisionTables.cells(back)).isEqualTo(DecisionTables.cells(csv));
    }

    @Test
    void bytes_that_are_no_workbook_are_refused_with_a_reason() {
        assertThatThrownBy(() -> DecisionTables.fromXlsx(new ByteArrayInputStream("RuleSet,pricing".getBytes())))
                .isInstanceOf(DecisionTableUploadException.class)
                .hasMessageContaining("file");
    }

    @Test
    void grid_cells_and_csv_text_convert_both_ways() {
        String csv = SeedPackagesOnDisk.load("IN").artifact(GRID);

        List<List<String>> cells = DecisionTables.cells(csv);

        assertThat(cells.get(9)).containsExactly("prime band: scorecard 700 and above", "700", "", "APPROVE", "0.119");
        assertThat(DecisionTables.csv(cells)).isEqualTo(csv);
        assertThat(DecisionTables.columnNames(csv)).containsEntry(4, "APR");
        assertThat(DecisionTables.firstRuleRow(csv)).isEqualTo(9);
    }

    private static List<ArtifactError> errorsWithGrid(String fixture) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.put(GRID, Fixtures.text(DecisionTableTest.class, fixture));
        List<ArtifactError> errors = new ArrayList<>(CompileErrors.of(PolicyPackage.of("IN", artifacts)));
        return errors;
    }
}

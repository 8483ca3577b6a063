package io.credence.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.shared.InvalidRequestException;
import io.credence.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The workbench's CSV of outcomes becomes the API's batch, so the same checks judge every line. */
class OutcomeCsvTest {

    @Test
    void each_line_becomes_the_record_the_api_would_take_typed_as_the_api_types_it() {
        JsonNode batch = OutcomeCsv.batch(stream(Fixtures.text(OutcomeCsvTest.class, "outcomes.csv")));

        JsonNode first = batch.get("outcomes").get(0);
        assertThat(first.get("funded").isBoolean()).isTrue();
        assertThat(first.get("daysPastDue").isIntegralNumber()).isTrue();
        assertThat(first.get("fundedAmount").decimalValue()).isEqualByComparingTo("200000");
        assertThat(batch.get("outcomes").get(1).has("fundedAt"))
                .as("empty cells are absent")
                .isFalse();
    }

    @Test
    void a_bad_line_is_refused_on_its_own_by_the_record_checks_with_every_field_named() {
        OutcomeRecords.Batch read =
                OutcomeRecords.read(OutcomeCsv.batch(stream(Fixtures.text(OutcomeCsvTest.class, "outcomes.csv"))));

        assertThat(read.valid()).extracting(OutcomeRecords.Parsed::index).containsExactly(0, 1);
        assertThat(read.rejected())
                .extracting(RejectedOutcome::field)
                .containsExactly(
                        "outcomes[2].asOf",
                        "outcomes[2].funded",
                        "outcomes[2].fundedAmount",
                        "outcomes[2].daysPastDue");
    }

    @Test
    void the_template_is_a_valid_batch() {
        OutcomeRecords.Batch read = OutcomeRecords.read(OutcomeCsv.batch(stream(OutcomeCsv.TEMPLATE)));

        assertThat(read.rejected()).isEmpty();
        assertThat(read.valid()).hasSize(2);
    }

    @Test
    void a_file_without_the_header_is_refused_whole() {
        assertThatThrownBy(() -> OutcomeCsv.batch(stream("A-1,2026-11-30,true\n")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("file");
        assertThatThrownBy(() -> OutcomeCsv.batch(stream(""))).isInstanceOf(InvalidRequestException.class);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

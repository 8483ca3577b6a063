package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.LoanApplication;
import io.credence.engine.LoanApplicationParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TrialApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_typical_application_makes_the_request_in_the_fixture() throws IOException {
        String json = TrialApplication.typical("IN").toJson("IN", "INR");
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(fixture()));
    }

    @Test
    void the_request_it_makes_is_one_the_engine_accepts() {
        LoanApplication parsed =
                LoanApplicationParser.parse(TrialApplication.typical("GB").toJson("GB", "GBP"));
        assertThat(parsed.market()).isEqualTo("GB");
        assertThat(parsed.loan().currency()).isEqualTo("GBP");
    }

    @Test
    void a_blank_bureau_score_is_a_thin_file_and_blank_optional_fields_are_left_out() {
        TrialApplication thin = new TrialApplication(
                "PERSONAL_LOAN",
                null,
                30,
                new BigDecimal("50000"),
                "SALARIED",
                null,
                null,
                null,
                true,
                new BigDecimal("100000"),
                12,
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                "");
        var request = JSON.readTree(thin.toJson("IN", "INR"));
        assertThat(request.get("bureau").get("score").isNull()).isTrue();
        assertThat(request.has("channel")).isFalse();
        assertThat(request.has("device")).isFalse();
        assertThat(request.get("applicant").has("residentialStatus")).isFalse();
        assertThat(request.get("loan").has("purpose")).isFalse();
    }

    @Test
    void reads_the_currency_from_market_settings() {
        assertThat(TrialApplication.currencyOf("{\"market\": \"BR\", \"currency\": \"BRL\"}"))
                .isEqualTo("BRL");
        assertThat(TrialApplication.currencyOf("{ not json")).isNull();
    }

    private static String fixture() throws IOException {
        try (InputStream in = TrialApplicationTest.class.getResourceAsStream("TrialApplicationTest.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

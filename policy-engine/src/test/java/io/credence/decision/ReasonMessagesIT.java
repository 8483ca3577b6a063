package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applicants are told why in their own language: the same declined application (a 17-year-old whose
 * identity is not verified) in each market, with and without a requested locale.
 */
class ReasonMessagesIT extends FullStackTest {

    @ParameterizedTest(name = "{0} asking for \"{1}\" is answered in {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            BR | none   | pt-BR  | O solicitante tem menos de 18 anos.
            ID | none   | id-ID  | Pemohon berusia di bawah 18 tahun.
            IN | none   | en-IN  | The applicant is under 18.
            PH | none   | en-PH  | The applicant is under 18.
            BR | en     | en     | The applicant is under 18.
            ID | en     | en     | The applicant is under 18.
            BR | en-US  | en     | The applicant is under 18.
            IN | hi-IN  | hi-IN  | आवेदक की आयु 18 वर्ष से कम है।
            IN | hi     | hi-IN  | आवेदक की आयु 18 वर्ष से कम है।
            PH | fil-PH | fil-PH | Wala pang 18 taong gulang ang aplikante.
            BR | pt-PT  | pt-BR  | O solicitante tem menos de 18 anos.
            BR | de-DE  | pt-BR  | O solicitante tem menos de 18 anos.
            ID | ja-JP  | id-ID  | Pemohon berusia di bawah 18 tahun.
            """)
    void the_same_declined_application_gets_its_reasons_in_the_language_asked_for_else_the_market_default(
            String market, String locale, String answeredIn, String underage) {
        ObjectNode application = freshApplication("underage-" + market + ".json");
        if (locale != null) application.put("locale", locale);

        ApiResponse response = decide(application);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode decision = response.json();
        assertThat(decision.path("outcome").asString()).isEqualTo("DECLINE");
        assertThat(decision.path("locale").asString()).isEqualTo(answeredIn);
        assertThat(message(decision, "AP_UNDERAGE")).isEqualTo(underage);
        assertThat(decision.path("reasons").values())
                .allSatisfy(reason -> assertThat(reason.path("message").asString())
                        .isNotBlank()
                        .isNotEqualTo(reason.path("code").asString()));
    }

    @ParameterizedTest(name = "{0}: identity not verified reads \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            BR | A identidade do solicitante não foi verificada.
            ID | Identitas pemohon (e-KYC) belum terverifikasi.
            """)
    void every_reason_of_a_decline_is_in_the_market_language(String market, String kycNotVerified) {
        JsonNode decision =
                decide(freshApplication("underage-" + market + ".json")).json();

        assertThat(message(decision, "AP_KYC_NOT_VERIFIED")).isEqualTo(kycNotVerified);
        assertThat(decision.path("reasons").values())
                .extracting(reason -> reason.path("message").asString())
                .noneMatch(message -> message.startsWith("The "));
    }

    private static String message(JsonNode decision, String code) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("code").asString().equals(code))
                return reason.path("message").asString();
        }
        throw new AssertionError("no reason " + code + " in " + decision);
    }
}

package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.credence.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parser names every offending field of a decision request in one exception: the request's own
 * problems and those only the market's settings can judge (currency, bureau score scale) together.
 */
class LoanApplicationParserTest {

    private static MarketSettings india;

    @BeforeAll
    static void readTheIndianSettings() {
        List<ArtifactError> errors = new ArrayList<>();
        india = MarketSettingsParser.parse(
                "IN", SeedPackagesOnDisk.load("IN").artifacts().get(PolicyPackage.SETTINGS), errors);
        assertThat(errors).isEmpty();
    }

    @Test
    void a_bad_enum_a_wrong_currency_and_an_out_of_scale_score_are_reported_together_by_their_json_paths() {
        InvalidRequestException refused = refuse(Fixtures.text(getClass(), "three-offending-fields-IN.json"));

        assertThat(refused.problems())
                .extracting(FieldProblem::field)
                .containsExactly("applicant.employmentStatus", "loan.currency", "bureau.score");
        assertThat(refused.problems().get(0).message()).startsWith("must be one of [");
        assertThat(refused.problems().get(1).message()).isEqualTo("must be INR, the currency of market IN");
        assertThat(refused.problems().get(2).message())
                .isEqualTo("must be between 300 and 900 on the TransUnion CIBIL " + "scale used in IN");
    }

    @Test
    void the_markets_checks_still_run_when_a_required_object_is_missing_elsewhere() {
        ObjectNode application = prime();
        application.remove("applicant");
        ((ObjectNode) application.get("loan")).put("currency", "EUR");

        InvalidRequestException refused = refuse(application.toString());

        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("applicant", "loan.currency");
    }

    @Test
    void every_settings_given_judges_the_request_and_a_problem_both_find_is_named_once() {
        ObjectNode application = prime();
        ((ObjectNode) application.get("bureau")).put("score", 120);

        InvalidRequestException refused = catchThrowableOfType(
                InvalidRequestException.class,
                () -> LoanApplicationParser.parse(application.toString(), market -> List.of(india, india)));

        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("bureau.score");
    }

    @Test
    void a_market_without_settings_is_judged_on_the_request_alone() {
        ObjectNode application = prime();
        application.put("market", "ZZ");
        ((ObjectNode) application.get("loan")).put("currency", "USD");

        LoanApplication parsed = LoanApplicationParser.parse(
                application.toString(), market -> market.equals("IN") ? List.of(india) : List.of());

        assertThat(parsed.market()).isEqualTo("ZZ");
        assertThat(parsed.loan().currency()).isEqualTo("USD");
    }

    @Test
    void the_settings_are_asked_for_the_requests_market_only_when_that_code_is_well_formed() {
        ObjectNode application = prime();
        application.put("market", "india");
        List<String> asked = new ArrayList<>();

        InvalidRequestException refused = catchThrowableOfType(
                InvalidRequestException.class,
                () -> LoanApplicationParser.parse(application.toString(), market -> {
                    asked.add(market);
                    return List.of(india);
                }));

        assertThat(asked).isEmpty();
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("market");
    }

    @Test
    void a_valid_request_in_its_markets_currency_and_scale_parses() {
        LoanApplication parsed = LoanApplicationParser.parse(prime().toString(), market -> List.of(india));

        assertThat(parsed.applicationId()).isEqualTo("PRIME-IN");
        assertThat(parsed.bureau().score()).isEqualTo(790);
    }

    @Test
    void invalid_json_is_one_problem_at_the_root_and_names_no_java_type() {
        InvalidRequestException refused = refuse("{\"applicationId\": [1, }");

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("$");
            assertThat(problem.message())
                    .startsWith("is not valid JSON at line 1")
                    .doesNotContain("tools.jackson");
        });
    }

    private static InvalidRequestException refuse(String body) {
        return catchThrowableOfType(
                InvalidRequestException.class,
                () -> LoanApplicationParser.parse(body, market -> market.equals("IN") ? List.of(india) : List.of()));
    }

    private ObjectNode prime() {
        return Fixtures.json(getClass(), "prime-IN.json");
    }
}

package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * market.json's {@code model.inputs} in its object form: a vocabulary value mapped onto the model's own
 * category (with a fallback), a number scaled, a constant; and each mistake an error naming the input.
 */
class ModelInputsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_mapped_input_reads_the_models_category_and_falls_back_to_otherwise() {
        RiskModelSettings.Input employment = settings("""
                {"Employment": {"from": "applicant.employmentStatus", "values": {"SALARIED": "Private", "SELF_EMPLOYED": "SelfEmp"},
                 "otherwise": "Private"}}""").input("Employment");

        assertThat(employment.apply("SELF_EMPLOYED")).isEqualTo("SelfEmp");
        assertThat(employment.apply("STUDENT")).isEqualTo("Private");
        assertThat(employment.apply(null)).isEqualTo("Private");
        assertThat(employment.describe()).startsWith("applicant.employmentStatus → ");
    }

    @Test
    void without_otherwise_an_unlisted_value_reaches_the_model_as_missing() {
        RiskModelSettings.Input kyc = settings("""
                {"Verified": {"from": "applicant.kycVerified", "values": {"true": "Y", "false": "N"}}}""").input("Verified");

        assertThat(kyc.apply(true)).isEqualTo("Y");
        assertThat(kyc.apply(null)).isNull();
    }

    @Test
    void a_multiplied_input_turns_a_monthly_figure_into_a_yearly_one_and_a_constant_is_the_same_for_everyone() {
        RiskModelSettings model = settings("""
                {"Income": {"from": "applicant.monthlyIncome", "multiply": 12}, "Gender": {"constant": "Female"},
                 "Hours": {"constant": 40}, "Age": "applicant.age"}""");

        assertThat(model.input("Income").apply(3500)).isEqualTo(42000.0);
        assertThat(model.input("Gender").apply("anything")).isEqualTo("Female");
        assertThat(model.input("Hours").apply(null)).isEqualTo(40L);
        assertThat(model.input("Gender").isConstant()).isTrue();
        assertThat(model.source("Age")).isEqualTo("applicant.age");
        assertThat(model.input("Unmapped").from()).isEqualTo("Unmapped");
    }

    @Test
    void each_mistake_in_an_input_object_is_an_error_naming_the_input() {
        List<String> errors = errors("""
                {"A": {"from": "applicant.shoeSize"},
                 "B": {"constant": "x", "from": "applicant.age"},
                 "C": {"from": "applicant.employmentStatus", "multiply": 12},
                 "D": {"from": "applicant.age", "otherwise": 3},
                 "E": {"from": "applicant.age", "scale": 2},
                 "F": {"values": {"SALARIED": "Private"}},
                 "G": {"constant": {"nested": true}},
                 "H": 7}""");

        assertThat(errors)
                .anySatisfy(e ->
                        assertThat(e).contains("model.inputs.A.from", "applicant.shoeSize", "not in the vocabulary"))
                .anySatisfy(e -> assertThat(e).contains("model.inputs.B", "constant input takes no other setting"))
                .anySatisfy(e -> assertThat(e).contains("model.inputs.C.multiply needs a number", "text"))
                .anySatisfy(e -> assertThat(e).contains("model.inputs.D.otherwise needs values"))
                .anySatisfy(e -> assertThat(e).contains("model.inputs.E.scale is not an input setting"))
                .anySatisfy(e -> assertThat(e).contains("model.inputs.F.from is required"))
                .anySatisfy(
                        e -> assertThat(e).contains("model.inputs.G.constant must be a text, a number or true/false"))
                .anySatisfy(e -> assertThat(e).contains("model.inputs.H must be a vocabulary name"));
    }

    private static RiskModelSettings settings(String inputs) {
        List<String> errors = new ArrayList<>();
        RiskModelSettings model = parse(inputs, errors);
        assertThat(errors).isEmpty();
        return model;
    }

    private static List<String> errors(String inputs) {
        List<String> errors = new ArrayList<>();
        parse(inputs, errors);
        return errors;
    }

    private static RiskModelSettings parse(String inputs, List<String> messages) {
        ObjectNode market = (ObjectNode)
                JSON.readTree(SeedPackagesOnDisk.load("GB").artifacts().get(PolicyPackage.SETTINGS));
        ((ObjectNode) market.path("model")).set("inputs", JSON.readTree(inputs));
        List<ArtifactError> errors = new ArrayList<>();
        MarketSettings settings = MarketSettingsParser.parse("GB", JSON.writeValueAsString(market), errors);
        errors.forEach(e -> messages.add(e.message()));
        return settings == null ? null : settings.model();
    }
}

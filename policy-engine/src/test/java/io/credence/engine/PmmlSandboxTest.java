package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PMML sandbox against models that would run away or reach outside the model: each fixture is
 * a TransformationDictionary put into the BR seed scorecard, loaded the way a version's
 * scorecard.pmml and the evaluate endpoint load it.
 */
class PmmlSandboxTest {

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "regex-matches.xml      | line 31: applies the function matches: it runs a regular expression",
                "regex-replace.xml      | applies the function replace: it runs a regular expression",
                "format-number.xml      | applies the function formatNumber: its output has no size limit",
                "java-function.xml      | applies the Java function org.jpmml.evaluator.functions.EchoFunction: a model may not name a class",
                "text-index.xml         | uses the element <TextIndex>, which models may not use",
                "concat-doubling.xml    | applies the function concat: its output has no size limit",
                "undefined-function.xml | applies the function 'lookupSomewhere', which is not one of PMML's built-ins"
            })
    void refuses_a_model_that_could_run_away_or_reach_outside_before_jpmml_loads_it(String fixture, String words) {
        String pmml = seedWith(read(fixture));

        assertThat(PmmlSandbox.problems(pmml)).anySatisfy(p -> assertThat(p).contains(words));
        assertThatThrownBy(() -> Scorecard.load(pmml))
                .isInstanceOf(ScorecardLoadException.class)
                .hasMessageContaining(words);
    }

    @Test
    void loads_a_model_whose_expressions_are_built_ins_and_its_own_functions() {
        String pmml = seedWith(read("allowed-expressions.xml"));

        assertThat(PmmlSandbox.problems(pmml)).isEmpty();
        assertThat(Scorecard.load(pmml).inputNames()).contains("bureau.score");
    }

    @Test
    void every_seed_scorecard_passes() {
        for (String market : new String[] {"IN", "ID", "PH", "BR", "MX", "GB"}) {
            assertThat(PmmlSandbox.problems(SeedPackagesOnDisk.load(market).artifact(PolicyPackage.SCORECARD)))
                    .as(market)
                    .isEmpty();
        }
    }

    @Test
    void refuses_a_document_type_declaration_and_never_reads_its_external_entity() {
        String pmml = seedWith("")
                .replace("<PMML ", "<!DOCTYPE PMML [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n<PMML ")
                .replace("BR personal credit scorecard v1", "&leak;");

        assertThat(PmmlSandbox.problems(pmml)).anySatisfy(p -> assertThat(p).contains("DTD"));
        assertThatThrownBy(() -> Scorecard.load(pmml))
                .isInstanceOf(ScorecardLoadException.class)
                .message()
                .doesNotContain("root:");
    }

    @Test
    void refuses_expressions_nested_deep_enough_to_overflow_the_evaluator() {
        String deep = "<Apply function=\"+\">".repeat(500) + "<Constant>1</Constant>" + "</Apply>".repeat(500);
        String pmml = seedWith("<TransformationDictionary><DerivedField name=\"deep\" optype=\"continuous\""
                + " dataType=\"double\">" + deep + "</DerivedField></TransformationDictionary>");

        assertThat(PmmlSandbox.problems(pmml))
                .anySatisfy(p -> assertThat(p).contains("nests elements more than 100 deep"));
    }

    /** The GB seed scorecard with a TransformationDictionary (or anything) after its DataDictionary. */
    private static String seedWith(String afterDataDictionary) {
        String seed = SeedPackagesOnDisk.load("BR").artifact(PolicyPackage.SCORECARD);
        return seed.replace("</DataDictionary>\n", "</DataDictionary>\n" + afterDataDictionary);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(
                    PmmlSandboxTest.class.getResource("PmmlSandboxTest/" + file).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

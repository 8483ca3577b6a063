package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.runtime.KieContainer;

/**
 * The bytecode check on its own: each package here is built without the source-level sandbox, the
 * way code hidden from it by a rewrite would reach Drools, and must be refused before any of its
 * classes is defined (the marker file the code would write never appears).
 */
class PolicyBytecodeTest {

    @TempDir
    Path folder;

    private Path marker;

    @BeforeEach
    void pointTheCodeAtAMarkerFile() {
        marker = folder.resolve("escaped");
        System.setProperty("credence.marker", marker.toString());
    }

    @AfterEach
    void forgetTheMarker() {
        System.clearProperty("credence.marker");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "files-in-consequence.drl | calls java.nio.file.Files.writeString",
                "static-initialiser.drl   | calls java.nio.file.Files.writeString",
                "text-block-rewrite.drl   | calls java.nio.file.Files.writeString",
                "loop.drl                 | loops",
                "regex.drl                | calls java.lang.String.matches: regular expressions can take exponential time"
            })
    void refuses_what_the_generated_code_would_do_before_defining_it(String file, String words) {
        List<ArtifactError> errors = new ArrayList<>();
        KieContainer container = PolicyCompiler.buildRules(policyWith(read(file)), errors);

        assertThat(container).isNull();
        assertThat(errors)
                .as("errors")
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.artifact()).isEqualTo("approval.drl"))
                .anySatisfy(e -> assertThat(e.message()).contains(words).contains("which policies may not do"));
        assertThat(marker).as("the file the policy tried to write").doesNotExist();
    }

    @Test
    void names_the_rule_the_refused_code_came_from() {
        List<ArtifactError> errors = new ArrayList<>();
        PolicyCompiler.buildRules(policyWith(read("files-in-consequence.drl")), errors);

        assertThat(errors)
                .anySatisfy(
                        e -> assertThat(e.message()).startsWith("rule \"writes a file\": the code Drools generated"));
    }

    @Test
    void the_text_block_rewrite_is_also_refused_at_the_source_with_a_clear_message() {
        List<ArtifactError> errors = PolicySandbox.check(policyWith(read("text-block-rewrite.drl")));

        assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("text block"));
    }

    @Test
    void passes_code_that_stays_inside_the_vocabulary_math_and_text() {
        List<ArtifactError> errors = new ArrayList<>();
        KieContainer container = PolicyCompiler.buildRules(policyWith(read("allowed.drl")), errors);

        assertThat(errors).isEmpty();
        assertThat(container).isNotNull();
        container.dispose();
    }

    @Test
    void every_seed_package_and_the_large_package_pass_the_bytecode_check() {
        for (String market : List.of("IN", "ID", "PH", "BR", "MX", "GB")) {
            List<ArtifactError> errors = new ArrayList<>();
            KieContainer container = PolicyCompiler.buildRules(SeedPackagesOnDisk.load(market), errors);
            assertThat(errors).as(market).isEmpty();
            container.dispose();
        }
    }

    private static PolicyPackage policyWith(String approval) {
        Map<String, String> artifacts =
                new HashMap<>(SeedPackagesOnDisk.load("GB").artifacts());
        artifacts.put(PolicyPackage.APPROVAL, approval);
        return PolicyPackage.of("GB", artifacts);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(PolicyBytecodeTest.class
                    .getResource("PolicyBytecodeTest/" + file)
                    .toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

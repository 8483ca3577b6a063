package io.credence.workbench.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * MessageFormat drops a lone apostrophe from a text with arguments and everything after it up to
 * the next one ("Challenger's {0}" reads "Challengers {0}"), while a text without arguments is shown
 * as written. This keeps the experiment and backtest bundles on the right side of that rule.
 */
class BundlePatternsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[,}]");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void texts_with_arguments_double_their_apostrophes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String bundle : List.of("experiment", "experiment_zh_CN", "simulation", "simulation_zh_CN")) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                boolean pattern = ARGUMENT.matcher(text).find();
                if (pattern && LONE_APOSTROPHE.matcher(text).find()) wrong.add(bundle + ": " + key + " has a single '");
                if (!pattern && text.contains("''")) wrong.add(bundle + ": " + key + " has '' but no argument");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Properties load(String bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = BundlePatternsTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            assertThat(in).as(bundle).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}

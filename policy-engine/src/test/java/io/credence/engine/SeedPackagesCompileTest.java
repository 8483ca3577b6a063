package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seed package in rules/ must compile, be complete, and explain itself: a broken seed fails the
 * build here rather than on a first start.
 */
class SeedPackagesCompileTest {

    private static final Map<String, String> CURRENCIES =
            Map.of("IN", "INR", "ID", "IDR", "PH", "PHP", "BR", "BRL", "MX", "MXN", "GB", "GBP");
    private static final Map<String, String> DEFAULT_LOCALES =
            Map.of("IN", "en-IN", "ID", "id-ID", "PH", "en-PH", "BR", "pt-BR", "MX", "es-MX", "GB", "en-GB");
    /** The languages each market's applicants are answered in; the first is the market's default. */
    private static final Map<String, List<String>> LOCALES = Map.of(
            "IN",
            List.of("en-IN", "hi-IN"),
            "ID",
            List.of("id-ID", "en"),
            "PH",
            List.of("en-PH", "fil-PH"),
            "BR",
            List.of("pt-BR", "en"),
            "MX",
            List.of("es-MX", "en"),
            "GB",
            List.of("en-GB"));

    private static final Pattern DRL_REASON =
            Pattern.compile("\\b(?:decline|refer|addReason)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern PMML_REASON = Pattern.compile("reasonCode=\"([^\"]+)\"");
    private static final Pattern MODEL_REASON = Pattern.compile("\"[a-zA-Z.]+\"\\s*:\\s*\"((?:SC)_[A-Z0-9_]+)\"");
    private static final Pattern APR_LITERAL = Pattern.compile("\\bsetApr\\(\\s*([0-9.]+)\\s*\\)");
    private static final Pattern BUREAU_PATTERN = Pattern.compile("\\bBureau\\s*\\(([^)]*)\\)");
    private static final Pattern SCORE_CUT = Pattern.compile("\\bscore\\s*(?:<=|>=|<|>|==)\\s*(-?\\d+)");
    private static final Pattern PMML_BUREAU_BIN =
            Pattern.compile("<SimplePredicate field=\"bureau\\.score\" operator=\"[a-zA-Z]+\" value=\"(-?[0-9.]+)\"");

    private static final Map<String, CompiledPolicy> COMPILED = new ConcurrentHashMap<>();

    static Stream<String> markets() {
        try (Stream<Path> dirs = Files.list(SeedPackagesOnDisk.root().resolve("rules"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void closeCompiled() {
        COMPILED.values().forEach(CompiledPolicy::close);
        COMPILED.clear();
    }

    @Test
    void every_seed_market_has_a_package() {
        assertThat(markets()).containsAll(CURRENCIES.keySet());
    }

    @ParameterizedTest(name = "{0} has all six artifacts")
    @MethodSource("markets")
    void has_every_artifact(String market) {
        Path root = SeedPackagesOnDisk.root();
        for (String artifact : new String[] {
            PolicyPackage.FRAUD,
            PolicyPackage.APPROVAL,
            PolicyPackage.PRICING,
            PolicyPackage.SETTINGS,
            PolicyPackage.REASONS
        }) {
            assertThat(root.resolve("rules").resolve(market).resolve(artifact)).isNotEmptyFile();
        }
        assertThat(root.resolve("pmml-models").resolve(market).resolve(PolicyPackage.SCORECARD))
                .isNotEmptyFile();
    }

    @ParameterizedTest(name = "{0} compiles")
    @MethodSource("markets")
    void compiles(String market) {
        assertThat(compiled(market).market()).isEqualTo(market);
    }

    @ParameterizedTest(name = "{0} lends in its own currency and speaks its own language")
    @MethodSource("markets")
    void uses_the_market_currency_and_locale(String market) {
        MarketSettings settings = compiled(market).settings();
        if (CURRENCIES.containsKey(market)) {
            assertThat(settings.currency()).isEqualTo(CURRENCIES.get(market));
            assertThat(settings.defaultLocale()).isEqualTo(DEFAULT_LOCALES.get(market));
        }
        assertThat(settings.reasonMessages()).containsKey(settings.defaultLocale());
    }

    @ParameterizedTest(name = "{0} answers applicants in each of its languages")
    @MethodSource("markets")
    void declares_a_catalog_for_each_language_of_the_market(String market) {
        if (LOCALES.containsKey(market)) {
            assertThat(compiled(market).settings().reasonMessages()).containsOnlyKeys(LOCALES.get(market));
        }
    }

    @ParameterizedTest(
            name = "{0}: every reason a rule, the scorecard or the engine can give has a message in every language")
    @MethodSource("markets")
    void every_reason_code_has_a_message_in_every_declared_locale(String market) {
        MarketSettings settings = compiled(market).settings();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> source : reasonCodes(market).entrySet()) {
            for (String code : source.getValue()) {
                settings.reasonMessages().forEach((locale, catalog) -> {
                    if (catalog.get(code) == null || catalog.get(code).isBlank()) {
                        missing.computeIfAbsent(locale + " " + code, k -> new TreeSet<>())
                                .add(source.getKey());
                    }
                });
            }
        }
        assertThat(missing)
                .as("locale and code without a message, and where the code comes from")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}: the engine finds every code a simple reading of the seed finds")
    @MethodSource("markets")
    void the_engine_finds_every_reason_code_of_the_seed(String market) {
        Set<String> simple = new TreeSet<>();
        reasonCodes(market).values().forEach(simple::addAll);

        assertThat(ReasonCodes.of(SeedPackagesOnDisk.load(market).artifacts())).containsExactlyElementsOf(simple);
    }

    @Test
    void hindi_messages_are_written_in_devanagari() {
        Map<String, String> hindi = compiled("IN").settings().reasonMessages().get("hi-IN");
        assertThat(hindi)
                .isNotEmpty()
                .allSatisfy((code, message) -> assertThat(message).as(code).containsPattern("\\p{IsDevanagari}"));
    }

    @ParameterizedTest(name = "{0}: every message catalogue covers the same codes as the default locale")
    @MethodSource("markets")
    void catalogues_are_complete(String market) {
        MarketSettings settings = compiled(market).settings();
        Set<String> expected =
                settings.reasonMessages().get(settings.defaultLocale()).keySet();
        settings.reasonMessages()
                .forEach((locale, catalog) -> assertThat(catalog.keySet())
                        .as("codes in the %s catalogue", locale)
                        .containsExactlyInAnyOrderElementsOf(expected));
    }

    @ParameterizedTest(name = "{0}: every APR a pricing rule sets is within the market's cap")
    @MethodSource("markets")
    void every_priced_band_is_within_the_cap(String market) {
        double maxApr = compiled(market).settings().maxApr();
        Matcher apr = APR_LITERAL.matcher(read("rules", market, PolicyPackage.PRICING));
        int bands = 0;
        while (apr.find()) {
            bands++;
            assertThat(Double.parseDouble(apr.group(1)))
                    .as("setApr(%s)", apr.group(1))
                    .isPositive()
                    .isLessThanOrEqualTo(maxApr);
        }
        // Bands in a pricing decision table: the values of its APR column.
        for (var table : SeedPackagesOnDisk.load(market).artifacts().entrySet()) {
            if (!DecisionTables.isTable(table.getKey())
                    || !DecisionTables.stageOf(table.getKey()).equals("pricing")) continue;
            var rows = DecisionTables.cells(table.getValue());
            int column = DecisionTables.columnNames(table.getValue()).entrySet().stream()
                    .filter(name -> name.getValue().equals("APR"))
                    .mapToInt(java.util.Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            for (var row : rows.subList(DecisionTables.firstRuleRow(table.getValue()), rows.size())) {
                bands++;
                assertThat(Double.parseDouble(row.get(column)))
                        .as("%s: %s", table.getKey(), row)
                        .isPositive()
                        .isLessThanOrEqualTo(maxApr);
            }
        }
        // Bands whose rate is a parameter (setApr($apr) with $apr : param("primeApr")) are checked as parameters.
        for (MarketParameter rate : compiled(market).parameters().values()) {
            if (rate.type() != MarketParameter.Type.PERCENT || !rate.name().endsWith("Apr")) continue;
            bands++;
            assertThat(rate.value().doubleValue())
                    .as("parameter %s", rate.name())
                    .isPositive()
                    .isLessThanOrEqualTo(maxApr);
        }
        assertThat(bands).as("pricing rules that set an APR").isPositive();
    }

    @ParameterizedTest(name = "{0}: bureau score cut-offs in the rules and the scorecard are on the bureau's scale")
    @MethodSource("markets")
    void bureau_cut_offs_are_on_the_market_scale(String market) {
        MarketSettings.BureauScale scale = compiled(market).settings().bureau();
        Set<Double> cuts = new TreeSet<>();
        for (String drl : new String[] {PolicyPackage.FRAUD, PolicyPackage.APPROVAL, PolicyPackage.PRICING}) {
            Matcher pattern = BUREAU_PATTERN.matcher(read("rules", market, drl));
            while (pattern.find()) {
                Matcher cut = SCORE_CUT.matcher(pattern.group(1));
                while (cut.find()) cuts.add(Double.parseDouble(cut.group(1)));
            }
        }
        compiled(market).parameters().values().stream()
                .filter(p -> p.name().endsWith("BureauScore"))
                .forEach(p -> cuts.add(p.value().doubleValue()));
        Matcher bin = PMML_BUREAU_BIN.matcher(read("pmml-models", market, PolicyPackage.SCORECARD));
        while (bin.find()) cuts.add(Double.parseDouble(bin.group(1)));
        assertThat(cuts)
                .as("bureau score cut-offs")
                .isNotEmpty()
                .allSatisfy(cut -> assertThat(cut)
                        .as("%s on %s %d-%d", cut, scale.name(), scale.scoreMin(), scale.scoreMax())
                        .isBetween((double) scale.scoreMin(), (double) scale.scoreMax()));
    }

    private static Map<String, Set<String>> reasonCodes(String market) {
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        for (String drl : new String[] {PolicyPackage.FRAUD, PolicyPackage.APPROVAL, PolicyPackage.PRICING}) {
            codes.put(drl, matches(DRL_REASON, read("rules", market, drl)));
        }
        codes.put(PolicyPackage.SCORECARD, matches(PMML_REASON, read("pmml-models", market, PolicyPackage.SCORECARD)));
        // A risk model without reason codes of its own names its inputs' codes in market.json's model.reasonCodes.
        codes.put(PolicyPackage.SETTINGS, matches(MODEL_REASON, read("rules", market, PolicyPackage.SETTINGS)));
        Set<String> engine = new TreeSet<>();
        EngineReasons.codes().forEach(engine::add);
        codes.put("engine", engine);
        return codes;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) found.add(matcher.group(1));
        return found;
    }

    private static CompiledPolicy compiled(String market) {
        return COMPILED.computeIfAbsent(market, m -> {
            try {
                return PolicyCompiler.compile(SeedPackagesOnDisk.load(m), 1);
            } catch (PolicyCompilationException e) {
                return fail("seed package " + m + " does not compile: " + e.getMessage());
            }
        });
    }

    private static String read(String folder, String market, String artifact) {
        try {
            return Files.readString(
                    SeedPackagesOnDisk.root().resolve(folder).resolve(market).resolve(artifact));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

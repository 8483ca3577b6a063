package io.credence.deployment;

import io.credence.engine.DecisionTables;
import io.credence.engine.PolicyPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The seed packages shipped in the jar, from the repository's rules/ and pmml-models/ folders. */
final class SeedPackages {

    private SeedPackages() {}

    static List<PolicyPackage> load() {
        var resolver = new PathMatchingResourcePatternResolver(SeedPackages.class.getClassLoader());
        List<PolicyPackage> packages = new ArrayList<>();
        try {
            for (Resource settings : resolver.getResources("classpath*:seed/rules/*/market.json")) {
                String market = settings.createRelative(".").getFilename();
                if (market == null || market.isBlank()) {
                    market = marketOf(settings);
                }
                Map<String, String> artifacts = new TreeMap<>();
                artifacts.put(PolicyPackage.SETTINGS, read(settings));
                for (String file : List.of(
                        PolicyPackage.FRAUD, PolicyPackage.APPROVAL, PolicyPackage.PRICING, PolicyPackage.REASONS)) {
                    artifacts.put(file, read(settings.createRelative(file)));
                }
                for (Resource table : resolver.getResources("classpath*:seed/rules/" + market + "/*.csv")) {
                    if (DecisionTables.isTable(table.getFilename())) artifacts.put(table.getFilename(), read(table));
                }
                artifacts.put(
                        PolicyPackage.SCORECARD,
                        read(resolver.getResource("classpath:seed/pmml-models/" + market + "/scorecard.pmml")));
                packages.add(PolicyPackage.of(market, artifacts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed packages", e);
        }
        packages.sort((a, b) -> a.market().compareTo(b.market()));
        return packages;
    }

    /**
     * A seed market's test cases, rules/{market}/test-cases.csv (written from its scenario table by
     * SeedTestCasesTest), or null when it ships none. Not part of the package: cases are not artifacts.
     */
    static String testCases(String market) {
        Resource cases = new PathMatchingResourcePatternResolver(SeedPackages.class.getClassLoader())
                .getResource("classpath:seed/rules/" + market + "/test-cases.csv");
        try {
            return cases.exists() ? read(cases) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed test cases of " + market, e);
        }
    }

    private static String marketOf(Resource settings) throws IOException {
        String path = settings.getURL().toString();
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }

    private static String read(Resource resource) throws IOException {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

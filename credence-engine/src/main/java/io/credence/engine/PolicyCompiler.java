package io.credence.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

/**
 * Turns a policy package into a {@link CompiledPolicy}, or reports every error in it with artifact,
 * line and column. Uses Drools' classic DRL compiler: unlike the executable model it reports all
 * errors, each with its line. Compiling is slow (hundreds of milliseconds) and belongs off the
 * request path.
 */
public final class PolicyCompiler {

    static final List<String> STAGES = List.of("fraud", "approval", "pricing");
    /** Drools' parser puts the position in the text ("Line 15:21"), with a 0-based column. */
    private static final java.util.regex.Pattern PARSER_POSITION =
            java.util.regex.Pattern.compile("Line (\\d+):(\\d+)");

    private static final AtomicLong BUILDS = new AtomicLong();
    /** param("minimumAge") in a rule; group 1 is null when the argument is not a quoted name. */
    private static final java.util.regex.Pattern PARAM_CALL =
            java.util.regex.Pattern.compile("\\bparam\\s*\\(\\s*(?:\"([^\"]*)\"\\s*\\)|(?!\"))");

    private static final java.util.regex.Pattern LEGACY_MESSAGES =
            java.util.regex.Pattern.compile("\"reasonMessages\"\\s*:");

    private PolicyCompiler() {}

    /**
     * Compiles a new package (a draft, a validation, a seed) with every check; throws
     * {@link PolicyCompilationException} listing every error.
     */
    public static CompiledPolicy compile(PolicyPackage policy, int version) {
        return compile(policy, version, true);
    }

    /**
     * Compiles a version that is already stored, as it was approved. Leaves out the one check that
     * depends on this build rather than on the package: that every code the policy can give has a
     * message in every language. A later engine may add an {@code EN_} code, and versions stored before
     * reasons.json existed were approved without it; neither may stop a champion from serving.
     */
    public static CompiledPolicy compileStored(PolicyPackage policy, int version) {
        return compile(policy, version, false);
    }

    /**
     * Compiles the rules exactly as written, without folding parameters in: for tests that show folding
     * decides as the rules as written do.
     */
    static CompiledPolicy compileUnfolded(PolicyPackage policy, int version) {
        return compile(policy, version, true, false);
    }

    private static CompiledPolicy compile(PolicyPackage policy, int version, boolean complete) {
        try {
            return compile(policy, version, complete, true);
        } catch (FoldedBuildFailed e) {
            // Folding is an optimisation: should Drools fail to build folded rules that build as written
            // (ParameterFolding already avoids the one known case, literals it converts into equal ones),
            // the rules run as the analyst wrote them.
            return compile(policy, version, complete, false);
        }
    }

    /** Drools failed to build rules whose parameters were folded; they are built again unfolded. */
    private static final class FoldedBuildFailed extends RuntimeException {
        FoldedBuildFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private static CompiledPolicy compile(PolicyPackage policy, int version, boolean complete, boolean fold) {
        List<ArtifactError> errors = new ArrayList<>();
        for (String name : PolicyPackage.REQUIRED_ARTIFACTS) {
            String content = policy.artifact(name);
            if (content == null || content.isBlank()) {
                errors.add(new ArtifactError(name, null, null, "is missing or empty"));
            }
        }
        if (!errors.isEmpty()) throw new PolicyCompilationException(errors);
        for (String name : policy.artifacts().keySet()) {
            if (!PolicyPackage.ARTIFACT_NAMES.contains(name) && !DecisionTables.isTable(name)) {
                errors.add(new ArtifactError(
                        name,
                        null,
                        null,
                        "is not a known artifact; expected one of " + PolicyPackage.ARTIFACT_NAMES
                                + " or a decision table named <stage>-<name>.csv, e.g. pricing-grid.csv"));
            }
        }

        MarketSettings settings =
                MarketSettingsParser.parse(policy.market(), policy.artifact(PolicyPackage.SETTINGS), errors);
        int parameterErrors = errors.size();
        Map<String, MarketParameter> parameters = parameters(policy, errors);
        List<ArtifactError> misread = new ArrayList<>(errors.subList(parameterErrors, errors.size()));
        RiskModel riskModel = loadRiskModel(policy.artifact(PolicyPackage.SCORECARD), settings, complete, errors);
        // What the sandbox checks and Drools compiles is the folded text; errors point into the analyst's.
        Map<String, ParameterFolding.Folded> folding = fold ? fold(policy, parameters) : Map.of();
        PolicyPackage runs = folded(policy, folding);
        for (ParameterFolding.Folded f : folding.values()) {
            misread.addAll(f.errors());
            errors.addAll(f.errors());
        }
        List<ArtifactError> refused = new ArrayList<>();
        SortedMap<String, SortedSet<String>> emittable = ReasonCodes.scan(runs.artifacts(), refused);
        errors.addAll(inAnalystText(refused, folding, misread));
        ReasonMessages messages = reasonMessages(policy, settings, errors);
        // Drools runs code while it builds (declared types' default values, imported classes' static
        // initialisers): a package the sandbox refused must never reach it.
        List<ArtifactError> buildErrors = new ArrayList<>();
        KieContainer container = refused.isEmpty() ? buildRules(runs, buildErrors) : null;
        errors.addAll(inAnalystText(buildErrors, folding, List.of()));
        // Which codes rules can give is only certain once they read cleanly; until then a missing
        // translation would be noise next to the error that matters.
        boolean rulesRead = errors.stream()
                .noneMatch(e -> e.artifact().endsWith(".drl")
                        || e.artifact().equals("rules")
                        || DecisionTables.isTable(e.artifact()));
        if (messages != null && complete && rulesRead)
            messages.checkCoverage(settings.defaultLocale(), emittable, errors);
        if (messages != null) ReasonTemplates.check(messages.artifact(), messages.catalogs(), parameters, errors);
        if (messages != null) settings = settings.withReasonMessages(messages.byLocale());
        if (!errors.isEmpty()) {
            if (container != null) container.dispose();
            throw new PolicyCompilationException(errors);
        }
        KieBase[] bases;
        try {
            bases = STAGES.stream().map(container::getKieBase).toArray(KieBase[]::new);
        } catch (RuntimeException e) {
            container.dispose();
            RuntimeException failure = refusedOr(e, policy, errors);
            if (failure == e && !runs.equals(policy)) throw new FoldedBuildFailed(e);
            throw failure;
        }
        return new CompiledPolicy(
                policy.market(),
                version,
                policy.digest(),
                settings,
                parameters,
                riskModel,
                container,
                bases[0],
                bases[1],
                bases[2]);
    }

    /** Each DRL artifact with the package's parameters folded in ({@link ParameterFolding}). */
    private static Map<String, ParameterFolding.Folded> fold(
            PolicyPackage policy, Map<String, MarketParameter> parameters) {
        Map<String, ParameterFolding.Folded> folded = new LinkedHashMap<>();
        for (String stage : STAGES) {
            String artifact = stage + ".drl";
            String drl = policy.artifact(artifact);
            if (drl == null) continue;
            // Everything Drools builds into this stage's rule base, decision tables included.
            StringBuilder stageText = new StringBuilder(drl);
            for (String generated : tablesOf(policy, stage).values())
                stageText.append('\n').append(generated);
            folded.put(artifact, ParameterFolding.fold(artifact, drl, parameters, stageText.toString()));
        }
        return folded;
    }

    /** The package as it runs: its DRL artifacts folded, everything else (and its digest) the analyst's. */
    private static PolicyPackage folded(PolicyPackage policy, Map<String, ParameterFolding.Folded> folding) {
        boolean changed = folding.entrySet().stream().anyMatch(f -> f.getValue().changed(policy.artifact(f.getKey())));
        if (!changed) return policy;
        Map<String, String> artifacts = new LinkedHashMap<>(policy.artifacts());
        folding.forEach((artifact, f) -> artifacts.put(artifact, f.text()));
        return PolicyPackage.of(policy.market(), artifacts);
    }

    /**
     * Errors found in the folded text, with the columns of the analyst's; an error on a line where
     * a parameter is already reported (an undeclared name, a call that cannot be inline) is that one's echo.
     */
    private static List<ArtifactError> inAnalystText(
            List<ArtifactError> found, Map<String, ParameterFolding.Folded> folding, List<ArtifactError> reported) {
        List<ArtifactError> mapped = new ArrayList<>();
        for (ArtifactError error : found) {
            ParameterFolding.Folded folded = folding.get(error.artifact());
            ArtifactError original = folded == null ? error : folded.original(error);
            boolean echo = original.line() != null
                    && reported.stream()
                            .anyMatch(r -> r.artifact().equals(original.artifact())
                                    && original.line().equals(r.line()));
            if (!echo) mapped.add(original);
        }
        return mapped;
    }

    /**
     * market.json's parameters, with an error wherever a rule names one it does not declare: caught
     * here, with the rule's line, rather than as a fault on the first application that reaches the rule.
     */
    private static Map<String, MarketParameter> parameters(PolicyPackage policy, List<ArtifactError> errors) {
        MarketParameters.Parsed parsed = MarketParameters.parse(policy.artifact(PolicyPackage.SETTINGS));
        errors.addAll(parsed.errors());
        Map<String, MarketParameter> declared = parsed.byName();
        // With market.json itself in error, "not declared" would be noise next to the error that matters.
        boolean complete = parsed.errors().isEmpty()
                && errors.stream().noneMatch(e -> e.artifact().equals(PolicyPackage.SETTINGS));
        for (String stage : STAGES) {
            String drl = policy.artifact(stage + ".drl");
            if (drl == null) continue;
            var named = PARAM_CALL.matcher(drl);
            while (named.find()) {
                String name = named.group(1);
                if (name == null) {
                    int[] at = lineAndColumn(drl, named.start());
                    errors.add(new ArtifactError(
                            stage + ".drl",
                            at[0],
                            at[1],
                            "param( ) must name a parameter in"
                                    + " quotes, e.g. param(\"minimumAge\"), so validation can check it exists"));
                } else if (!declared.containsKey(name) && complete) {
                    int[] at = lineAndColumn(drl, named.start());
                    errors.add(new ArtifactError(
                            stage + ".drl",
                            at[0],
                            at[1],
                            "reads param(\"" + name + "\"), which"
                                    + " market.json does not declare"
                                    + (declared.isEmpty()
                                            ? "; add it under \"parameters\""
                                            : "; it declares " + String.join(", ", declared.keySet()))));
                }
            }
        }
        return declared;
    }

    /**
     * The package's reason messages: from reasons.json, or from market.json's reasonMessages in a
     * version stored before reasons.json existed. Never from both, so that an analyst cannot edit one
     * catalog while the other is served. Null when they cannot be read (the errors say why).
     */
    private static ReasonMessages reasonMessages(
            PolicyPackage policy, MarketSettings settings, List<ArtifactError> errors) {
        String reasons = policy.artifact(PolicyPackage.REASONS);
        int[] legacy = position(policy.artifact(PolicyPackage.SETTINGS), LEGACY_MESSAGES);
        ReasonMessages messages;
        if (reasons != null) {
            if (legacy != null) {
                errors.add(new ArtifactError(
                        PolicyPackage.SETTINGS,
                        legacy[0],
                        legacy[1],
                        "has reasonMessages, but the"
                                + " messages now live in reasons.json: move any you still need there and remove reasonMessages"
                                + " from market.json"));
            }
            if (reasons.isBlank()) {
                errors.add(new ArtifactError(PolicyPackage.REASONS, null, null, "is empty"));
                return null;
            }
            var catalogs = ReasonCatalogs.parse(reasons, errors);
            messages = catalogs == null ? null : new ReasonMessages(PolicyPackage.REASONS, true, catalogs);
        } else if (legacy != null) {
            messages = settings == null
                    ? null
                    : new ReasonMessages(
                            PolicyPackage.SETTINGS, true, ReasonCatalogs.legacy(settings.reasonMessages()));
        } else {
            messages = new ReasonMessages(PolicyPackage.REASONS, false, Map.of());
        }
        if (settings == null || messages == null) return null;
        if (!messages.catalogs().isEmpty() && !messages.catalogs().containsKey(settings.defaultLocale())) {
            errors.add(new ArtifactError(
                    messages.artifact(),
                    1,
                    1,
                    "has no catalog for " + settings.defaultLocale()
                            + ", the market's defaultLocale (market.json); add \"" + settings.defaultLocale()
                            + "\": {\"CODE\": \"message\", …} with a message for every code the policy can give"));
        }
        return messages;
    }

    /** Where the catalogs live, whether that artifact exists, and the catalogs by locale. */
    private record ReasonMessages(String artifact, boolean present, Map<String, ReasonCatalogs.Catalog> catalogs) {

        Map<String, Map<String, String>> byLocale() {
            Map<String, Map<String, String>> messages = new LinkedHashMap<>();
            catalogs.forEach((locale, catalog) -> messages.put(locale, catalog.messages()));
            return messages;
        }

        void checkCoverage(
                String defaultLocale, SortedMap<String, SortedSet<String>> emittable, List<ArtifactError> errors) {
            if (!ReasonCatalogs.isLanguageTag(defaultLocale)) {
                errors.add(new ArtifactError(
                        PolicyPackage.SETTINGS,
                        null,
                        null,
                        "defaultLocale " + defaultLocale
                                + " is not a language tag (BCP 47) such as pt-BR, fil-PH or en"));
            } else if (!present) {
                errors.add(new ArtifactError(
                        PolicyPackage.REASONS,
                        null,
                        null,
                        "is missing: it holds the message"
                                + " applicants are shown for each reason code, one catalog per locale, and needs at least the"
                                + " market's defaultLocale " + defaultLocale + " with a message for each of the "
                                + emittable.size() + " codes the policy can give"));
            } else if (catalogs.isEmpty()) {
                errors.add(new ArtifactError(
                        artifact,
                        1,
                        1,
                        "has no catalog for " + defaultLocale + ", the market's"
                                + " defaultLocale (market.json); add \"" + defaultLocale
                                + "\": {\"CODE\": \"message\", …}"
                                + " with a message for each of the " + emittable.size()
                                + " codes the policy can give"));
            } else {
                ReasonCatalogs.checkCoverage(artifact, catalogs, emittable, errors);
            }
        }
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /** 1-based line and column of the first match, or null when there is none. */
    private static int[] position(String text, java.util.regex.Pattern pattern) {
        if (text == null) return null;
        var match = pattern.matcher(text);
        if (!match.find()) return null;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < match.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, match.start() - lineStart + 1};
    }

    /**
     * Loads the risk model and binds it to market.json's {@code model} section; then proves it can serve
     * by scoring a synthetic application set of the market (which also picks the reference values its
     * reasons are measured against). A stored version was proved when it was approved: it is only
     * loaded, so a champion never stops serving over a check added later.
     */
    private static RiskModel loadRiskModel(
            String pmml, MarketSettings settings, boolean complete, List<ArtifactError> errors) {
        RiskModelSettings modelSettings = settings == null ? RiskModelSettings.NONE : settings.model();
        Scorecard scorecard;
        try {
            scorecard = Scorecard.load(pmml, modelSettings.name());
        } catch (ScorecardLoadException e) {
            errors.add(new ArtifactError(PolicyPackage.SCORECARD, null, null, e.getMessage()));
            return null;
        }
        // Without readable settings only the inputs can be checked; market.json's own errors say the rest.
        if (settings == null) {
            RiskModel.checkInputs(scorecard, RiskModelSettings.NONE, errors);
            return null;
        }
        List<ArtifactError> bound = new ArrayList<>();
        RiskModel model = RiskModel.bind(scorecard, modelSettings, bound);
        errors.addAll(bound);
        if (!bound.isEmpty()) return model;
        Map<String, ApplicationFacts> probes = new LinkedHashMap<>();
        for (LoanApplication application : Warmup.syntheticApplications(settings)) {
            probes.put(application.applicationId(), ApplicationFacts.of(application, Enrichment.NONE, settings));
        }
        List<ArtifactError> probed = new ArrayList<>();
        model.probe(probes, probed);
        if (complete) errors.addAll(probed.stream().limit(3).toList());
        return model;
    }

    /**
     * A build that failed because the bytecode check refused a class it generated: the package is
     * refused with what the check found. Any other failure is rethrown.
     */
    private static RuntimeException refusedOr(RuntimeException e, PolicyPackage policy, List<ArtifactError> errors) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof VerifiedClassLoading.Refused)) cause = cause.getCause();
        if (cause == null) return e;
        errors.add(new ArtifactError("rules", null, null, cause.getMessage()));
        return new PolicyCompilationException(errors);
    }

    /**
     * Builds the package's rules under the bytecode check; null, with the errors, when they do not
     * compile or the check refused a class. Package-private so tests can show that the bytecode check
     * holds on its own, for code the source-level check never saw.
     */
    static KieContainer buildRules(PolicyPackage policy, List<ArtifactError> errors) {
        VerifiedClassLoading.install();
        VerifiedClassLoading.Compilation compilation =
                new VerifiedClassLoading.Compilation(PolicyCompiler.class.getClassLoader());
        List<ArtifactError> droolsErrors = new ArrayList<>();
        try {
            KieContainer container = buildRules(policy, droolsErrors, compilation);
            if (container != null) checkGeneratedClasses(container, compilation);
            if (!compilation.problems().isEmpty()) {
                if (container != null) container.dispose();
                errors.addAll(bytecodeErrors(policy, compilation.problems()));
                return null;
            }
            errors.addAll(droolsErrors);
            return container;
        } catch (RuntimeException e) {
            if (compilation.problems().isEmpty()) throw e;
            errors.addAll(bytecodeErrors(policy, compilation.problems()));
            return null;
        }
    }

    /**
     * Checks every class the build generated, defined or not: Drools defines a rule's consequence and
     * eval code only when the rule first runs, which must not be the first time anyone looks at it.
     */
    private static void checkGeneratedClasses(KieContainer container, VerifiedClassLoading.Compilation compilation) {
        for (String stage : STAGES) {
            for (KiePackage kiePackage : container.getKieBase(stage).getKiePackages()) {
                var data = ((InternalKnowledgePackage) kiePackage)
                        .getDialectRuntimeRegistry()
                        .getDialectData("java");
                if (data instanceof JavaDialectRuntimeData java) {
                    for (byte[] bytes : java.getStore().values()) VerifiedClassLoading.check(bytes, compilation);
                }
            }
        }
        if (container.getClassLoader() instanceof ProjectClassLoader project && project.getStore() != null) {
            for (byte[] bytes : project.getStore().values()) VerifiedClassLoading.check(bytes, compilation);
        }
    }

    /** The bytecode check's findings as errors: the artifact from the class's package, the rule where it can be traced. */
    static List<ArtifactError> bytecodeErrors(PolicyPackage policy, List<VerifiedClassLoading.Problem> problems) {
        List<ArtifactError> found = new ArrayList<>();
        for (VerifiedClassLoading.Problem problem : problems) {
            String name = problem.className() == null ? "" : problem.className();
            String stage = name.contains(".") ? name.substring(0, name.indexOf('.')) : "";
            String artifact = STAGES.contains(stage) ? stage + ".drl" : "rules";
            String rule = ruleOf(policy.artifact(artifact), name.substring(name.indexOf('.') + 1));
            if (rule == null && STAGES.contains(stage)) {
                // A rule generated from a decision table: the table is the artifact to fix.
                for (var table : tablesOf(policy, stage).entrySet()) {
                    String generated = ruleOf(table.getValue(), name.substring(name.indexOf('.') + 1));
                    if (generated != null) {
                        artifact = table.getKey();
                        rule = generated;
                    }
                }
            }
            String where = rule == null ? "" : "rule \"" + rule + "\": ";
            String message = where + "the code Drools generated from this rule " + String.join("; ", problem.problems())
                    + ", which policies may not do; the sandbox checks what actually runs, whatever the text looked"
                    + " like (see docs/security.md)";
            ArtifactError error = new ArtifactError(artifact, null, null, message);
            if (!found.contains(error)) found.add(error);
        }
        return found;
    }

    /** The DRL each of a stage's decision tables generates, by table name; a table that does not convert is left out. */
    private static Map<String, String> tablesOf(PolicyPackage policy, String stage) {
        Map<String, String> generated = new LinkedHashMap<>();
        for (var table : policy.artifacts().entrySet()) {
            if (!DecisionTables.isTable(table.getKey())
                    || !DecisionTables.stageOf(table.getKey()).equals(stage)) continue;
            String drl = DecisionTables.toDrl(table.getKey(), table.getValue(), new ArrayList<>());
            if (drl != null) generated.put(table.getKey(), drl);
        }
        return generated;
    }

    /** The rule a generated class belongs to: Drools names it Rule_ followed by the rule's name with non-word characters replaced. */
    private static String ruleOf(String drl, String simpleName) {
        if (drl == null || !simpleName.startsWith("Rule_")) return null;
        String best = null;
        var rules = java.util.regex.Pattern.compile("(?m)^\\s*rule\\s+(\"[^\"]*\"|'[^']*'|\\S+)")
                .matcher(drl);
        while (rules.find()) {
            String rule = rules.group(1);
            if (rule.startsWith("\"") || rule.startsWith("'")) rule = rule.substring(1, rule.length() - 1);
            String mangled = "Rule_" + rule.replaceAll("[^\\w$]", "_");
            if (simpleName.startsWith(mangled) && (best == null || rule.length() > best.length())) best = rule;
        }
        return best;
    }

    private static KieContainer buildRules(PolicyPackage policy, List<ArtifactError> errors, ClassLoader compilation) {
        KieServices kie = KieServices.Factory.get();
        KieModuleModel module = kie.newKieModuleModel();
        for (String stage : STAGES) {
            module.newKieBaseModel(stage).addPackage(stage).setEqualsBehavior(EqualityBehaviorOption.IDENTITY);
        }
        ReleaseId releaseId = kie.newReleaseId(
                "io.credence.policy",
                policy.market().toLowerCase() + "-" + policy.digest().substring(7, 19),
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        files.writeKModuleXML(module.toXML());
        for (String stage : STAGES) {
            files.write("src/main/resources/" + stage + "/" + stage + ".drl", policy.artifact(stage + ".drl"));
        }
        Map<String, String> tables = new LinkedHashMap<>();
        for (var table : policy.artifacts().entrySet()) {
            if (!DecisionTables.isTable(table.getKey())) continue;
            String drl = DecisionTables.toDrl(table.getKey(), table.getValue(), errors);
            if (drl == null) continue;
            tables.put(table.getKey(), drl);
            files.write(tablePath(table.getKey()), drl);
        }
        KieBuilder builder = kie.newKieBuilder(files, compilation).buildAll();
        List<ArtifactError> ruleErrors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String text = message.getText().strip();
            Integer line = message.getLine() > 0 ? message.getLine() : null;
            Integer column = message.getColumn() > 0 ? message.getColumn() : null;
            var position = PARSER_POSITION.matcher(text);
            if (column == null && position.find()) {
                line = Integer.parseInt(position.group(1));
                column = Integer.parseInt(position.group(2)) + 1;
            }
            ArtifactError error = new ArtifactError(artifactOf(message.getPath()), line, column, text);
            String table = tableOf(message.getPath(), tables.keySet());
            if (table != null) error = DecisionTables.traced(table, policy.artifact(table), tables.get(table), error);
            ruleErrors.add(error);
        }
        // Drools follows a syntax error with "Parser returned a null Package": it only repeats that
        // the file did not parse, so it is dropped wherever that file has a real error.
        for (ArtifactError e : ruleErrors) {
            boolean echo = e.message().contains("Parser returned a null Package")
                    && ruleErrors.stream().anyMatch(o -> o != e && o.artifact().equals(e.artifact()));
            if (!echo) errors.add(e);
        }
        if (!errors.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return kie.newKieContainer(releaseId, compilation);
        } finally {
            // The repository is a static registry: leaving modules in it leaks every build.
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** Where a table's generated DRL goes: into its stage's folder, so its package's KieBase holds it. */
    private static String tablePath(String table) {
        return "src/main/resources/" + DecisionTables.stageOf(table) + "/" + table + ".drl";
    }

    private static String tableOf(String path, java.util.Set<String> tables) {
        if (path == null) return null;
        for (String table : tables) {
            if (path.endsWith(table + ".drl")) return table;
        }
        return null;
    }

    private static String artifactOf(String path) {
        if (path != null) {
            for (String stage : STAGES) {
                if (path.endsWith(stage + ".drl")) return stage + ".drl";
            }
        }
        return "rules";
    }
}

package io.credence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
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
    private static final java.util.regex.Pattern PARSER_POSITION = java.util.regex.Pattern.compile("Line (\\d+):(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private PolicyCompiler() {
    }

    /** Compiles the package; throws {@link PolicyCompilationException} listing every error. */
    public static CompiledPolicy compile(PolicyPackage policy, int version) {
        List<ArtifactError> errors = new ArrayList<>();
        for (String name : PolicyPackage.ARTIFACT_NAMES) {
            String content = policy.artifact(name);
            if (content == null || content.isBlank()) {
                errors.add(new ArtifactError(name, null, null, "is missing or empty"));
            }
        }
        if (!errors.isEmpty()) throw new PolicyCompilationException(errors);
        for (String name : policy.artifacts().keySet()) {
            if (!PolicyPackage.ARTIFACT_NAMES.contains(name)) {
                errors.add(new ArtifactError(name, null, null,
                        "is not a known artifact; expected one of " + PolicyPackage.ARTIFACT_NAMES));
            }
        }

        MarketSettings settings = MarketSettingsParser.parse(policy.market(), policy.artifact(PolicyPackage.SETTINGS), errors);
        Scorecard scorecard = loadScorecard(policy.artifact(PolicyPackage.SCORECARD), errors);
        List<ArtifactError> refused = PolicySandbox.check(policy);
        errors.addAll(refused);
        // Drools runs code while it builds (declared types' default values, imported classes' static
        // initialisers): a package the sandbox refused must never reach it.
        KieContainer container = refused.isEmpty() ? buildRules(policy, errors) : null;
        if (!errors.isEmpty()) {
            if (container != null) container.dispose();
            throw new PolicyCompilationException(errors);
        }
        KieBase[] bases = STAGES.stream().map(container::getKieBase).toArray(KieBase[]::new);
        return new CompiledPolicy(policy.market(), version, policy.digest(), settings, scorecard, container,
                bases[0], bases[1], bases[2]);
    }

    private static Scorecard loadScorecard(String pmml, List<ArtifactError> errors) {
        try {
            Scorecard scorecard = Scorecard.load(pmml);
            for (String input : scorecard.inputNames()) {
                if (!ScorecardFields.isKnown(input)) {
                    errors.add(new ArtifactError(PolicyPackage.SCORECARD, null, null,
                            "input field '" + input + "' is not in the vocabulary: use a request JSON path or a derived feature, one of "
                                    + ScorecardFields.names()));
                }
            }
            return scorecard;
        } catch (ScorecardLoadException e) {
            errors.add(new ArtifactError(PolicyPackage.SCORECARD, null, null, e.getMessage()));
            return null;
        }
    }

    private static KieContainer buildRules(PolicyPackage policy, List<ArtifactError> errors) {
        KieServices kie = KieServices.Factory.get();
        KieModuleModel module = kie.newKieModuleModel();
        for (String stage : STAGES) {
            module.newKieBaseModel(stage).addPackage(stage).setEqualsBehavior(EqualityBehaviorOption.IDENTITY);
        }
        ReleaseId releaseId = kie.newReleaseId("io.credence.policy",
                policy.market().toLowerCase() + "-" + policy.digest().substring(7, 19), "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        files.writeKModuleXML(module.toXML());
        for (String stage : STAGES) {
            files.write("src/main/resources/" + stage + "/" + stage + ".drl", policy.artifact(stage + ".drl"));
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
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
            ruleErrors.add(new ArtifactError(artifactOf(message.getPath()), line, column, text));
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
            return kie.newKieContainer(releaseId);
        } finally {
            // The repository is a static registry: leaving modules in it leaks every build.
            kie.getRepository().removeKieModule(releaseId);
        }
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

package io.credence.workbench.policy;

import io.credence.engine.PolicyPackage;
import io.credence.workbench.components.PolicyArtifacts;
import io.credence.workbench.i18n.Words;
import java.util.Arrays;
import java.util.Optional;

/** The tabs that show one artifact of a policy package, in the order an analyst reads a policy. */
public enum ArtifactTab {
    FRAUD(PolicyPackage.FRAUD, DrlEditor.Mode.DRL),
    APPROVAL(PolicyPackage.APPROVAL, DrlEditor.Mode.DRL),
    PRICING(PolicyPackage.PRICING, DrlEditor.Mode.DRL),
    /** The pricing decision table (score band → APR), edited as a grid; shown only for a package that has one. */
    PRICING_GRID("pricing-grid.csv", DrlEditor.Mode.DRL),
    SCORECARD(PolicyPackage.SCORECARD, DrlEditor.Mode.XML),
    REASONS(PolicyPackage.REASONS, DrlEditor.Mode.JSON),
    SETTINGS(PolicyPackage.SETTINGS, DrlEditor.Mode.JSON);

    private final String artifact;
    private final DrlEditor.Mode mode;

    ArtifactTab(String artifact, DrlEditor.Mode mode) {
        this.artifact = artifact;
        this.mode = mode;
    }

    /** The tab's name in the reader's language: "Approval", "审批规则". */
    public String label(Words words) {
        return words.translate("editor.tab." + name());
    }

    public String artifact() {
        return artifact;
    }

    DrlEditor.Mode mode() {
        return mode;
    }

    /** The currency a version's market.json names; null when it names none or does not parse. */
    public static String currencyOf(java.util.Map<String, String> artifacts) {
        return PolicyArtifacts.currencyOf(artifacts);
    }

    public static Optional<ArtifactTab> of(String artifact) {
        return Arrays.stream(values())
                .filter(tab -> tab.artifact.equals(artifact))
                .findFirst();
    }

    /** Tab order of an artifact; unknown artifacts sort last. */
    public static int order(String artifact) {
        return PolicyArtifacts.order(artifact);
    }
}

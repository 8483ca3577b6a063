package io.credence.workbench.editor;

import io.credence.engine.PolicyPackage;
import java.util.Arrays;
import java.util.Optional;

/** The tabs that show one artifact of a policy package, in the order an analyst reads a policy. */
public enum ArtifactTab {
    FRAUD("Fraud", PolicyPackage.FRAUD, DrlEditor.Mode.DRL),
    APPROVAL("Approval", PolicyPackage.APPROVAL, DrlEditor.Mode.DRL),
    PRICING("Pricing", PolicyPackage.PRICING, DrlEditor.Mode.DRL),
    SCORECARD("Scorecard", PolicyPackage.SCORECARD, DrlEditor.Mode.XML),
    SETTINGS("Settings", PolicyPackage.SETTINGS, DrlEditor.Mode.JSON);

    private final String label;
    private final String artifact;
    private final DrlEditor.Mode mode;

    ArtifactTab(String label, String artifact, DrlEditor.Mode mode) {
        this.label = label;
        this.artifact = artifact;
        this.mode = mode;
    }

    public String label() {
        return label;
    }

    public String artifact() {
        return artifact;
    }

    DrlEditor.Mode mode() {
        return mode;
    }

    public static Optional<ArtifactTab> of(String artifact) {
        return Arrays.stream(values()).filter(tab -> tab.artifact.equals(artifact)).findFirst();
    }

    /** Tab order of an artifact; unknown artifacts sort last. */
    public static int order(String artifact) {
        return of(artifact).map(Enum::ordinal).orElse(values().length);
    }
}

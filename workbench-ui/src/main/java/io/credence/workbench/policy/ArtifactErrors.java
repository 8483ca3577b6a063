package io.credence.workbench.policy;

import io.credence.engine.ArtifactError;
import io.credence.workbench.i18n.Words;
import java.util.Comparator;
import java.util.List;

/**
 * A compilation's errors sorted for the error list (tab order, then line) and split per tab for the
 * markers. An error that names no known artifact still appears in the list, marked nowhere.
 */
record ArtifactErrors(List<ArtifactError> all) {

    private static final Comparator<ArtifactError> READING_ORDER = Comparator.comparingInt(
                    (ArtifactError e) -> ArtifactTab.order(e.artifact()))
            .thenComparing(e -> e.line() == null ? Integer.MAX_VALUE : e.line())
            .thenComparing(e -> e.column() == null ? 0 : e.column());

    // After READING_ORDER: the constructor sorts with it.
    static final ArtifactErrors NONE = new ArtifactErrors(List.of());

    ArtifactErrors {
        all = all.stream().sorted(READING_ORDER).toList();
    }

    static ArtifactErrors of(List<ArtifactError> errors) {
        return errors == null || errors.isEmpty() ? NONE : new ArtifactErrors(errors);
    }

    List<ArtifactError> in(ArtifactTab tab) {
        return all.stream().filter(e -> tab.artifact().equals(e.artifact())).toList();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** The tab to show first: the one holding the first error in reading order. */
    java.util.Optional<ArtifactTab> firstTab() {
        return all.stream()
                .map(e -> ArtifactTab.of(e.artifact()))
                .flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /**
     * "approval.drl, line 12, column 5" or as much of it as is known. The file name stays as it is;
     * line and column are in the reader's words. Numbers go in as text: line 1200 is not "1,200".
     */
    static String where(ArtifactError e, Words words) {
        String artifact = e.artifact() == null ? words.translate("editor.error.package") : e.artifact();
        // A decision table's messages start with the cell ("row 11, column E (APR): …"); lines and columns would repeat
        // it.
        if (e.line() == null || io.credence.engine.DecisionTables.isTable(e.artifact())) return artifact;
        if (e.column() == null) return words.translate("editor.error.at-line", artifact, String.valueOf(e.line()));
        return words.translate(
                "editor.error.at-column", artifact, String.valueOf(e.line()), String.valueOf(e.column()));
    }

    /** A tab's label with its error count: "Approval (2)". */
    String label(ArtifactTab tab, Words words) {
        int count = in(tab).size();
        return count == 0 ? tab.label(words) : words.translate("editor.tab.with-errors", tab.label(words), count);
    }
}

package io.credence.workbench.review;

import io.credence.policy.PolicyDiff;
import io.credence.workbench.components.PolicyArtifacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a version's diff is laid out for a reviewer: changed artifacts first (in the order an analyst
 * reads a policy), and in each only the changed lines with a few lines of context, long runs of
 * unchanged lines folded into one marker.
 */
final class DiffLayout {

    static final int CONTEXT = 3;

    /** One row of the side-by-side table; a fold stands for {@code folded} unchanged lines. */
    record Line(String tag, Integer oldNumber, String oldText, Integer newNumber, String newText, int folded) {

        boolean isFold() {
            return folded > 0;
        }

        /** The row's CSS class: diff-equal, diff-change, diff-insert, diff-delete or diff-fold. */
        String cssClass() {
            return isFold() ? "diff-fold" : "diff-" + tag.toLowerCase();
        }
    }

    record Section(String artifact, boolean changed, int added, int removed, List<Line> lines) {}

    private DiffLayout() {}

    static List<Section> sections(PolicyDiff diff) {
        return diff.artifacts().stream()
                .sorted(Comparator.comparing((PolicyDiff.ArtifactDiff a) -> !a.changed())
                        .thenComparingInt(a -> PolicyArtifacts.order(a.artifact())))
                .map(a -> new Section(
                        a.artifact(),
                        a.changed(),
                        a.linesAdded(),
                        a.linesRemoved(),
                        a.changed() ? fold(a.rows(), CONTEXT) : List.of()))
                .toList();
    }

    /** Keeps {@code context} unchanged lines around each change and folds the rest. */
    static List<Line> fold(List<PolicyDiff.Row> rows, int context) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (!isEqual(rows.get(i))) {
                lines.add(line(rows.get(i++)));
                continue;
            }
            int end = i;
            while (end < rows.size() && isEqual(rows.get(end))) end++;
            int keepBefore = i == 0 ? 0 : context;
            int keepAfter = end == rows.size() ? 0 : context;
            if (end - i <= keepBefore + keepAfter + 1) {
                for (int k = i; k < end; k++) lines.add(line(rows.get(k)));
            } else {
                for (int k = i; k < i + keepBefore; k++) lines.add(line(rows.get(k)));
                lines.add(new Line("EQUAL", null, null, null, null, end - i - keepBefore - keepAfter));
                for (int k = end - keepAfter; k < end; k++) lines.add(line(rows.get(k)));
            }
            i = end;
        }
        return lines;
    }

    private static boolean isEqual(PolicyDiff.Row row) {
        return "EQUAL".equals(row.tag());
    }

    private static Line line(PolicyDiff.Row row) {
        return new Line(row.tag(), row.oldNumber(), row.oldLine(), row.newNumber(), row.newLine(), 0);
    }
}

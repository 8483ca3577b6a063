package io.credence.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import io.credence.engine.DecisionTables;
import io.credence.engine.MarketParameters;
import io.credence.engine.PolicyPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Line-based diffs of two versions' artifacts, with java-diff-utils. */
final class VersionDiffer {

    private static final DiffRowGenerator ROWS = DiffRowGenerator.create()
            .showInlineDiffs(false)
            .reportLinesUnchanged(true)
            // The default normaliser escapes HTML and expands tabs; the UI escapes, the API shows lines as they are.
            .lineNormalizer(line -> line)
            .build();

    private VersionDiffer() {}

    static PolicyDiff diff(String market, int from, Map<String, String> before, int to, Map<String, String> after) {
        List<PolicyDiff.ArtifactDiff> artifacts = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            List<String> oldLines = lines(before.get(name));
            List<String> newLines = lines(after.get(name));
            Patch<String> patch = DiffUtils.diff(oldLines, newLines);
            int added = 0;
            int removed = 0;
            for (AbstractDelta<String> delta : patch.getDeltas()) {
                added += delta.getTarget().size();
                removed += delta.getSource().size();
            }
            String unified = String.join(
                    "\n",
                    UnifiedDiffUtils.generateUnifiedDiff(
                            "v" + from + "/" + name, "v" + to + "/" + name, oldLines, patch, 3));
            artifacts.add(new PolicyDiff.ArtifactDiff(
                    name, !patch.getDeltas().isEmpty(), added, removed, unified, rows(oldLines, newLines)));
        }
        List<PolicyDiff.ValueChange> values =
                MarketParameters.changes(before.get(PolicyPackage.SETTINGS), after.get(PolicyPackage.SETTINGS)).stream()
                        .map(c -> new PolicyDiff.ValueChange(
                                PolicyPackage.SETTINGS,
                                c.name(),
                                c.label(),
                                c.type().json(),
                                c.before(),
                                c.after()))
                        .toList();
        List<PolicyDiff.ValueChange> all = new ArrayList<>(values);
        for (String name : names) {
            if (DecisionTables.isTable(name)) all.addAll(cellChanges(name, before.get(name), after.get(name)));
        }
        return new PolicyDiff(market, from, to, artifacts, all);
    }

    /**
     * A decision table's changes cell by cell, as a reviewer reads them ("row 11 'APR' 0.169 → 0.179"):
     * rows are paired by a diff of whole rows, so an inserted row reads as one new row rather than as
     * every row below it changing.
     */
    static List<PolicyDiff.ValueChange> cellChanges(String table, String before, String after) {
        List<List<String>> oldRows = DecisionTables.cells(before);
        List<List<String>> newRows = DecisionTables.cells(after);
        java.util.Map<Integer, String> names = DecisionTables.columnNames(after == null ? before : after);
        List<PolicyDiff.ValueChange> changes = new ArrayList<>();
        for (AbstractDelta<List<String>> delta :
                DiffUtils.diff(oldRows, newRows).getDeltas()) {
            List<List<String>> removed = delta.getSource().getLines();
            List<List<String>> added = delta.getTarget().getLines();
            // Rows that share most of their cells are one row edited; the others were added or removed.
            int[] partner = new int[added.size()];
            java.util.Arrays.fill(partner, -1);
            boolean[] taken = new boolean[removed.size()];
            int from = 0;
            for (int a = 0; a < added.size(); a++) {
                for (int r = from; r < removed.size(); r++) {
                    if (!taken[r] && alike(removed.get(r), added.get(a))) {
                        partner[a] = r;
                        taken[r] = true;
                        from = r + 1;
                        break;
                    }
                }
            }
            for (int a = 0; a < added.size(); a++) {
                int row = delta.getTarget().getPosition() + a + 1;
                if (partner[a] < 0) {
                    changes.add(new PolicyDiff.ValueChange(
                            table,
                            table + ", row " + row + " added",
                            null,
                            "row",
                            null,
                            String.join(" | ", added.get(a))));
                    continue;
                }
                List<String> was = removed.get(partner[a]);
                List<String> is = added.get(a);
                for (int c = 0; c < Math.max(was.size(), is.size()); c++) {
                    String old = c < was.size() ? was.get(c) : "";
                    String now = c < is.size() ? is.get(c) : "";
                    if (old.equals(now)) continue;
                    String column =
                            names.containsKey(c) ? "'" + names.get(c) + "'" : DecisionTables.columnLetter(c + 1);
                    changes.add(new PolicyDiff.ValueChange(
                            table,
                            table + ", row " + row + " " + column,
                            null,
                            "cell",
                            old.isEmpty() ? null : old,
                            now.isEmpty() ? null : now));
                }
            }
            for (int r = 0; r < removed.size(); r++) {
                if (taken[r]) continue;
                int row = delta.getSource().getPosition() + r + 1;
                changes.add(new PolicyDiff.ValueChange(
                        table,
                        table + ", row " + row + " removed",
                        null,
                        "row",
                        String.join(" | ", removed.get(r)),
                        null));
            }
        }
        return changes;
    }

    /** Whether two rows share at least half of their filled cells, position for position. */
    private static boolean alike(List<String> a, List<String> b) {
        int width = Math.max(a.size(), b.size());
        int same = 0;
        int filled = 0;
        for (int c = 0; c < width; c++) {
            String x = c < a.size() ? a.get(c) : "";
            String y = c < b.size() ? b.get(c) : "";
            if (x.isEmpty() && y.isEmpty()) continue;
            filled++;
            if (x.equals(y)) same++;
        }
        return filled > 0 && same * 2 >= filled;
    }

    private static List<PolicyDiff.Row> rows(List<String> oldLines, List<String> newLines) {
        List<PolicyDiff.Row> rows = new ArrayList<>();
        int oldNumber = 0;
        int newNumber = 0;
        for (DiffRow row : ROWS.generateDiffRows(oldLines, newLines)) {
            boolean hasOld = row.getTag() != DiffRow.Tag.INSERT
                    && !(row.getTag() == DiffRow.Tag.CHANGE
                            && row.getOldLine().isEmpty()
                            && oldNumber >= oldLines.size());
            boolean hasNew = row.getTag() != DiffRow.Tag.DELETE
                    && !(row.getTag() == DiffRow.Tag.CHANGE
                            && row.getNewLine().isEmpty()
                            && newNumber >= newLines.size());
            rows.add(new PolicyDiff.Row(
                    row.getTag().name(),
                    hasOld ? ++oldNumber : null,
                    hasOld ? row.getOldLine() : null,
                    hasNew ? ++newNumber : null,
                    hasNew ? row.getNewLine() : null));
        }
        return rows;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\r?\n", -1));
    }
}

package io.credence.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Where each line of one DRL text starts, so that a character offset, or a consequence Drools describes by
 * line, can be named to the analyst as line and column of the text they wrote.
 */
final class DrlLines {

    private final String drl;
    private final int[] starts;

    DrlLines(String drl) {
        this.drl = drl;
        List<Integer> found = new ArrayList<>();
        found.add(0);
        for (int i = 0; i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') found.add(i + 1);
        }
        this.starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line and column of a character offset. */
    int[] position(int offset) {
        int line = 0;
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] <= offset) {
                line = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return new int[] {line + 1, offset - starts[line] + 1};
    }

    /** Where the consequence's text starts: after the 'then' keyword Drools recorded for the rule; -1 if unknown. */
    int consequenceStart(RuleDescr rule, String consequence) {
        int line = rule.getConsequenceLine();
        if (line < 1 || line > starts.length) return -1;
        int then = starts[line - 1] + Math.max(0, rule.getConsequencePattern());
        return drl.indexOf(consequence, Math.min(drl.length(), then));
    }
}

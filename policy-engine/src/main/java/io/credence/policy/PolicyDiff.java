package io.credence.policy;

import java.util.List;

/** What changed between two versions of a market, artifact by artifact, line by line. */
public record PolicyDiff(String market, int from, int to, List<ArtifactDiff> artifacts) {

    /** {@code unified} is a unified diff; {@code rows} pair old and new lines for a side-by-side view. */
    public record ArtifactDiff(String artifact, boolean changed, int linesAdded, int linesRemoved, String unified,
            List<Row> rows) {
    }

    /** tag is EQUAL, CHANGE, INSERT or DELETE; line numbers are null on the side without the line. */
    public record Row(String tag, Integer oldNumber, String oldLine, Integer newNumber, String newLine) {
    }
}

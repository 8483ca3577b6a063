package io.credence.policy;

import java.util.List;

/**
 * What changed between two versions of a market, artifact by artifact, line by line; and, for
 * market.json, value by value in business terms ("minimumAge 18 → 21").
 */
public record PolicyDiff(
        String market, int from, int to, List<ArtifactDiff> artifacts, List<ValueChange> valueChanges) {

    public PolicyDiff(String market, int from, int to, List<ArtifactDiff> artifacts) {
        this(market, from, to, artifacts, List.of());
    }

    public PolicyDiff {
        valueChanges = valueChanges == null ? List.of() : List.copyOf(valueChanges);
    }

    /** {@code unified} is a unified diff; {@code rows} pair old and new lines for a side-by-side view. */
    public record ArtifactDiff(
            String artifact, boolean changed, int linesAdded, int linesRemoved, String unified, List<Row> rows) {}

    /** tag is EQUAL, CHANGE, INSERT or DELETE; line numbers are null on the side without the line. */
    public record Row(String tag, Integer oldNumber, String oldLine, Integer newNumber, String newLine) {}

    /**
     * One limit or parameter of market.json that changed: its name, its label, its type (money,
     * percent, integer, number, date) and its value before and after as market.json writes it
     * (percentages as fractions); null on the side where it does not exist.
     */
    public record ValueChange(String artifact, String name, String label, String type, String before, String after) {}
}

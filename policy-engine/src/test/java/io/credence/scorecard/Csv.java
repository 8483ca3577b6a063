package io.credence.scorecard;

import java.util.Arrays;
import java.util.List;

/** The plain comma-separated files of shared/data/pmml: a header and rows, no quoting. */
record Csv(List<String> header, List<List<String>> rows) {

    static Csv parse(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = cells(lines.getFirst());
        List<List<String>> rows =
                lines.subList(1, lines.size()).stream().map(Csv::cells).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row " + row + " has " + row.size() + " cells, the header " + header.size());
            }
        }
        return new Csv(header, rows);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
    }
}

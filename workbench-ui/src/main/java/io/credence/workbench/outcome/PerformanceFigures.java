package io.credence.workbench.outcome;

import io.credence.outcome.PerformanceReport;
import io.credence.workbench.format.Display;
import java.text.NumberFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The report's figures as the reader writes numbers, and its vintages as a Chart.js configuration. */
final class PerformanceFigures {

    /** The latest funding months drawn; older ones stay in the API's report. */
    static final int VINTAGES_DRAWN = 6;

    private static final List<String> COLOURS =
            List.of("#1a6fd8", "#9b36d6", "#0f9d58", "#f4a100", "#db4437", "#64748b");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Display display;

    PerformanceFigures(Display display) {
        this.display = display;
    }

    /** "5.2% (4.1%–6.5%)", or a dash while there is no rate. */
    String rate(Double rate, PerformanceReport.Interval interval) {
        if (rate == null) return "—";
        return interval == null
                ? display.percent(rate)
                : display.percent(rate) + " (" + display.percent(interval.lower()) + "–"
                        + display.percent(interval.upper()) + ")";
    }

    String ratio(Double value) {
        if (value == null) return "—";
        NumberFormat number = NumberFormat.getNumberInstance(display.locale());
        number.setMaximumFractionDigits(3);
        return number.format(value);
    }

    /** Cumulative bad rate (percent) by month on book, one series per funding month, newest last. */
    ObjectNode vintageChart(List<PerformanceReport.Vintage> vintages, String axis, String monthsOnBook) {
        List<PerformanceReport.Vintage> drawn =
                vintages.subList(Math.max(0, vintages.size() - VINTAGES_DRAWN), vintages.size());
        int months = drawn.stream().mapToInt(v -> v.points().size()).max().orElse(0);
        ObjectNode config = JSON.createObjectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        ArrayNode labels = data.putArray("labels");
        for (int m = 0; m < months; m++) labels.add(Integer.toString(m));
        ArrayNode datasets = data.putArray("datasets");
        for (int i = 0; i < drawn.size(); i++) {
            PerformanceReport.Vintage vintage = drawn.get(i);
            ObjectNode dataset = datasets.addObject()
                    .put("label", vintage.fundedMonth())
                    .put("backgroundColor", COLOURS.get(i % COLOURS.size()));
            ArrayNode values = dataset.putArray("data");
            for (PerformanceReport.VintagePoint point : vintage.points()) {
                values.add(Math.round(point.badRate() * 1000) / 10.0);
            }
        }
        ObjectNode options = config.putObject("options")
                .put("locale", display.locale().toLanguageTag())
                .put("percentAxis", "y");
        ObjectNode scales = options.putObject("scales");
        scales.putObject("y")
                .put("beginAtZero", true)
                .putObject("title")
                .put("display", true)
                .put("text", axis);
        scales.putObject("x").putObject("title").put("display", true).put("text", monthsOnBook);
        options.putObject("plugins").putObject("legend").put("position", "bottom");
        return config;
    }
}

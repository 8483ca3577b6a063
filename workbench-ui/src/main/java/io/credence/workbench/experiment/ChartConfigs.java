package io.credence.workbench.experiment;

import io.credence.experiment.ApprovalRateDifference;
import io.credence.experiment.ArmStatistics;
import io.credence.workbench.i18n.Words;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chart.js configurations of the experiment screen, built from its figures. Every word in them
 * comes from the bundles, and {@code options.locale} tells the chart how the reader writes numbers,
 * so ticks and tooltips read "18,9 %" or "18.9%" as the page around them does.
 */
final class ChartConfigs {

    static final String CHAMPION_COLOUR = "#1a6fd8";
    static final String CHALLENGER_COLOUR = "#9b36d6";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartConfigs() {}

    /** Approval, decline and refer rates, the two arms side by side. */
    static ObjectNode outcomeRates(
            ExperimentFormat format,
            ArmStatistics champion,
            String championName,
            ArmStatistics challenger,
            String challengerName) {
        Words texts = format.texts();
        ObjectNode config = JSON.createObjectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        data.putArray("labels")
                .add(texts.translate("outcome.APPROVE"))
                .add(texts.translate("outcome.DECLINE"))
                .add(texts.translate("outcome.REFER"));
        ArrayNode datasets = data.putArray("datasets");
        datasets.add(rates(championName, champion, CHAMPION_COLOUR));
        datasets.add(rates(challengerName, challenger, CHALLENGER_COLOUR));
        ObjectNode options = options(config, format).put("percentAxis", "y");
        options.putObject("scales").putObject("y").put("beginAtZero", true).put("max", 100);
        ObjectNode plugins = options.putObject("plugins");
        plugins.putObject("legend").put("position", "bottom");
        plugins.putObject("title").put("display", true).put("text", texts.translate("experiment.chart.rates.title"));
        return config;
    }

    /** The difference in approval rate as a point inside its confidence interval, zero in view. */
    static ObjectNode difference(ExperimentFormat format, ApprovalRateDifference difference) {
        Words texts = format.texts();
        String label = texts.translate("experiment.chart.difference.category");
        double lower = points(difference.lower());
        double upper = points(difference.upper());
        double point = points(difference.difference());
        // A symmetric axis in whole steps, so zero sits in the middle and every tick is round.
        double extent = Math.max(Math.abs(lower), Math.abs(upper)) + 1;
        double step = extent <= 40 ? 10 : 20;
        double reach = Math.max(step, step * Math.ceil(extent / step));
        ObjectNode config = JSON.createObjectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        data.putArray("labels").add(label);
        ArrayNode datasets = data.putArray("datasets");
        ObjectNode interval = datasets.addObject()
                .put(
                        "label",
                        texts.translate(
                                "experiment.chart.difference.interval", format.confidence(difference.confidence())))
                .put(
                        "backgroundColor",
                        difference.significant() ? "rgba(155, 54, 214, 0.35)" : "rgba(100, 116, 139, 0.3)")
                .put("borderColor", difference.significant() ? CHALLENGER_COLOUR : "#64748b")
                .put("borderWidth", 1)
                .put("barThickness", 22);
        interval.putArray("data").addArray().add(lower).add(upper);
        ObjectNode estimate = datasets.addObject()
                .put("type", "scatter")
                .put("label", texts.translate("experiment.chart.difference.estimate"))
                .put("backgroundColor", "#111827")
                .put("pointRadius", 6)
                .put("pointStyle", "rectRot");
        estimate.putArray("data").addObject().put("x", point).put("y", label);
        ObjectNode options = options(config, format)
                .put("indexAxis", "y")
                .put("percentAxis", "x")
                .put("valueSuffix", texts.translate("experiment.chart.difference.unit"))
                .put("floatingLabel", texts.translate("experiment.chart.range", "{from}", "{to}"));
        ObjectNode scales = options.putObject("scales");
        ObjectNode x = scales.putObject("x").put("min", -reach).put("max", reach);
        x.putObject("ticks").put("stepSize", step);
        x.putObject("title").put("display", true).put("text", texts.translate("experiment.chart.difference.axis"));
        scales.putObject("y").put("type", "category").putObject("ticks").put("display", false);
        // The verdict above the chart says what the bar and the point are; a legend would only crowd it.
        options.putObject("plugins").putObject("legend").put("display", false);
        return config;
    }

    /**
     * Vintage curves: per series, the cumulative bad rate (percent) by month on book, as bars side by side
     * (the chart bundle draws bars and points). {@code series} maps a name to its rates by month on book.
     */
    static ObjectNode vintages(
            ExperimentFormat format,
            java.util.Map<String, java.util.List<double[]>> series,
            java.util.List<String> colours) {
        Words texts = format.texts();
        int months = series.values().stream()
                        .mapToInt(points ->
                                points.stream().mapToInt(p -> (int) p[0]).max().orElse(-1))
                        .max()
                        .orElse(-1)
                + 1;
        ObjectNode config = JSON.createObjectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        ArrayNode labels = data.putArray("labels");
        for (int m = 0; m < months; m++) labels.add(texts.translate("experiment.chart.vintage.month", m));
        ArrayNode datasets = data.putArray("datasets");
        int i = 0;
        for (var entry : series.entrySet()) {
            ObjectNode dataset = datasets.addObject()
                    .put("label", entry.getKey())
                    .put("backgroundColor", colours.get(i++ % colours.size()));
            ArrayNode values = dataset.putArray("data");
            Double[] byMonth = new Double[months];
            for (double[] point : entry.getValue()) byMonth[(int) point[0]] = points(point[1]);
            for (Double value : byMonth) {
                if (value == null) values.addNull();
                else values.add(value);
            }
        }
        ObjectNode options = options(config, format).put("percentAxis", "y");
        ObjectNode scales = options.putObject("scales");
        scales.putObject("y")
                .put("beginAtZero", true)
                .putObject("title")
                .put("display", true)
                .put("text", texts.translate("experiment.chart.vintage.axis"));
        scales.putObject("x")
                .putObject("title")
                .put("display", true)
                .put("text", texts.translate("experiment.chart.vintage.months-on-book"));
        ObjectNode plugins = options.putObject("plugins");
        plugins.putObject("legend").put("position", "bottom");
        return config;
    }

    private static ObjectNode options(ObjectNode config, ExperimentFormat format) {
        return config.putObject("options")
                .put("locale", format.display().locale().toLanguageTag());
    }

    private static ObjectNode rates(String name, ArmStatistics arm, String colour) {
        ObjectNode dataset = JSON.createObjectNode().put("label", name).put("backgroundColor", colour);
        dataset.putArray("data")
                .add(points(arm.approvalRate()))
                .add(points(arm.declineRate()))
                .add(points(arm.referRate()));
        return dataset;
    }

    private static double points(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }
}

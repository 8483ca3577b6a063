package io.credence.workbench.experiment;

import io.credence.experiment.ApprovalRateDifference;
import io.credence.experiment.ArmStatistics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Chart.js configurations of the experiment screen, built from its figures. */
final class ChartConfigs {

    static final String CHAMPION_COLOUR = "#1a6fd8";
    static final String CHALLENGER_COLOUR = "#9b36d6";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartConfigs() {
    }

    /** Approval, decline and refer rates, the two arms side by side. */
    static ObjectNode outcomeRates(ArmStatistics champion, String championName, ArmStatistics challenger,
            String challengerName) {
        ObjectNode config = JSON.createObjectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        data.putArray("labels").add("Approve").add("Decline").add("Refer");
        ArrayNode datasets = data.putArray("datasets");
        datasets.add(rates(championName, champion, CHAMPION_COLOUR));
        datasets.add(rates(challengerName, challenger, CHALLENGER_COLOUR));
        ObjectNode options = config.putObject("options").put("percentAxis", "y");
        options.putObject("scales").putObject("y").put("beginAtZero", true).put("max", 100);
        ObjectNode plugins = options.putObject("plugins");
        plugins.putObject("legend").put("position", "bottom");
        plugins.putObject("title").put("display", true).put("text", "Share of each arm's decisions");
        return config;
    }

    /** The difference in approval rate as a point inside its 95% confidence interval, zero in view. */
    static ObjectNode difference(ApprovalRateDifference difference) {
        String label = "Challenger − champion";
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
        ObjectNode interval = datasets.addObject().put("label", "95% confidence interval")
                .put("backgroundColor", difference.significant() ? "rgba(155, 54, 214, 0.35)" : "rgba(100, 116, 139, 0.3)")
                .put("borderColor", difference.significant() ? CHALLENGER_COLOUR : "#64748b")
                .put("borderWidth", 1).put("barThickness", 22);
        interval.putArray("data").addArray().add(lower).add(upper);
        ObjectNode estimate = datasets.addObject().put("type", "scatter").put("label", "Difference")
                .put("backgroundColor", "#111827").put("pointRadius", 6).put("pointStyle", "rectRot");
        estimate.putArray("data").addObject().put("x", point).put("y", label);
        ObjectNode options = config.putObject("options").put("indexAxis", "y").put("percentAxis", "x")
                .put("valueSuffix", " pts").put("floatingLabel", true);
        ObjectNode scales = options.putObject("scales");
        ObjectNode x = scales.putObject("x").put("min", -reach).put("max", reach);
        x.putObject("ticks").put("stepSize", step);
        x.putObject("title").put("display", true).put("text", "Difference in approval rate (percentage points)");
        scales.putObject("y").put("type", "category").putObject("ticks").put("display", false);
        // The verdict above the chart says what the bar and the point are; a legend would only crowd it.
        options.putObject("plugins").putObject("legend").put("display", false);
        return config;
    }

    private static ObjectNode rates(String name, ArmStatistics arm, String colour) {
        ObjectNode dataset = JSON.createObjectNode().put("label", name).put("backgroundColor", colour);
        dataset.putArray("data").add(points(arm.approvalRate())).add(points(arm.declineRate())).add(points(arm.referRate()));
        return dataset;
    }

    private static double points(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }
}

package io.credence.workbench.experiment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import io.credence.experiment.ArmStatistics;
import io.credence.experiment.ExperimentReport;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The two arms side by side, one measure a row; a figure may take several lines (the top reasons do). */
class ArmComparison extends Composite<Grid<ArmComparison.Row>> {

    /** {@code list}: the figure is a list (the top reasons), set smaller, one item a line. */
    record Row(String measure, List<String> champion, List<String> challenger, boolean list) {}

    private final ExperimentFormat format;
    private final Display display;
    private final Grid.Column<Row> championColumn;
    private final Grid.Column<Row> challengerColumn;

    ArmComparison(ExperimentFormat format) {
        this.format = format;
        this.display = format.display();
        Grid<Row> grid = getContent();
        grid.setId("arm-comparison");
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addColumn(Row::measure).setHeader("").setAutoWidth(true).setFlexGrow(0);
        championColumn = grid.addComponentColumn(row -> lines(row.champion(), row.list()))
                .setHeader(texts().translate("experiment.arms.champion"))
                .setFlexGrow(1);
        challengerColumn = grid.addComponentColumn(row -> lines(row.challenger(), row.list()))
                .setHeader(texts().translate("experiment.arms.challenger"))
                .setFlexGrow(1);
    }

    /** "Champion v3", "Challenger v4": an arm with the versions that decided in it. */
    static String name(Words texts, ExperimentReport report, String arm) {
        List<Integer> versions = report.arms().get(arm).versions();
        int planned = arm.equals("champion")
                ? report.experiment().championVersion()
                : report.experiment().challengerVersion();
        String numbers = versions.isEmpty()
                ? "v" + planned
                : versions.stream().map(v -> "v" + v).collect(Collectors.joining(", "));
        return arm.equals("champion")
                ? texts.translate("experiment.arms.champion-versions", numbers)
                : texts.translate("experiment.arms.challenger-versions", numbers);
    }

    private Words texts() {
        return format.texts();
    }

    void show(ExperimentReport report, String currency) {
        ArmStatistics champion = report.arms().get("champion");
        ArmStatistics challenger = report.arms().get("challenger");
        championColumn.setHeader(name(texts(), report, "champion"));
        challengerColumn.setHeader(name(texts(), report, "challenger"));
        getContent()
                .setItems(List.of(
                        row(
                                texts().translate("experiment.arms.decisions"),
                                champion,
                                challenger,
                                a -> display.number(a.count())),
                        row(
                                texts().translate("experiment.arms.approval-rate"),
                                champion,
                                challenger,
                                a -> rate(a, a.approvalRate())),
                        row(
                                texts().translate("experiment.arms.decline-rate"),
                                champion,
                                challenger,
                                a -> rate(a, a.declineRate())),
                        row(
                                texts().translate("experiment.arms.refer-rate"),
                                champion,
                                challenger,
                                a -> rate(a, a.referRate())),
                        row(
                                texts().translate("experiment.arms.mean-score"),
                                champion,
                                challenger,
                                a -> a.meanScore() == null ? "—" : oneDecimal(a.meanScore())),
                        row(
                                texts().translate("experiment.arms.mean-apr"),
                                champion,
                                challenger,
                                a -> a.meanApr() == null ? "—" : display.percent(a.meanApr())),
                        row(
                                texts().translate("experiment.arms.mean-approved-amount"),
                                champion,
                                challenger,
                                a -> a.meanApprovedAmount() == null
                                        ? "—"
                                        : display.money(BigDecimal.valueOf(a.meanApprovedAmount()), currency)),
                        new Row(
                                texts().translate("experiment.arms.top-reasons"),
                                reasons(champion),
                                reasons(challenger),
                                true),
                        row(
                                texts().translate("experiment.arms.funded"),
                                champion,
                                challenger,
                                a -> display.number(a.credit().funded())),
                        row(
                                texts().translate("experiment.arms.bad"),
                                champion,
                                challenger,
                                a -> display.number(a.credit().bad())),
                        row(
                                texts().translate("experiment.arms.bad-rate-to-date"),
                                champion,
                                challenger,
                                a -> withInterval(
                                        a.credit().badRateToDate(),
                                        a.credit().badRateToDateLower(),
                                        a.credit().badRateToDateUpper())),
                        row(
                                texts().translate("experiment.arms.matured"),
                                champion,
                                challenger,
                                a -> display.number(a.credit().matured())),
                        row(
                                texts().translate("experiment.arms.bad-rate"),
                                champion,
                                challenger,
                                a -> withInterval(
                                        a.credit().badRate(),
                                        a.credit().badRateLower(),
                                        a.credit().badRateUpper())),
                        row(
                                texts().translate("experiment.arms.loss-amount"),
                                champion,
                                challenger,
                                a -> display.money(a.credit().lossAmount(), currency))));
    }

    /** "5.2% (4.1%–6.5%)": a rate with its 95% interval; a dash without one. */
    private String withInterval(Double rate, Double lower, Double upper) {
        if (rate == null) return "—";
        return display.percent(rate) + " (" + display.percent(lower) + "–" + display.percent(upper) + ")";
    }

    private String oneDecimal(double value) {
        NumberFormat number = NumberFormat.getNumberInstance(display.locale());
        number.setMinimumFractionDigits(1);
        number.setMaximumFractionDigits(1);
        return number.format(value);
    }

    private String rate(ArmStatistics arm, double rate) {
        return arm.count() == 0 ? "—" : display.percent(rate);
    }

    private List<String> reasons(ArmStatistics arm) {
        if (arm.topReasons().isEmpty()) return List.of("—");
        return arm.topReasons().stream()
                .map(r -> r.code() + " · " + display.percent(r.share()))
                .toList();
    }

    private static Component lines(List<String> lines, boolean list) {
        Div cell = new Div();
        cell.addClassName(list ? "arm-list" : "arm-figure");
        lines.forEach(line -> cell.add(breakable(line)));
        return cell;
    }

    /** The line with a break opportunity after each underscore, so a long reason code wraps between its words. */
    private static Div breakable(String line) {
        Div div = new Div();
        String[] parts = line.split("(?<=_)");
        for (int i = 0; i < parts.length; i++) {
            div.getElement().appendChild(Element.createText(parts[i]));
            if (i < parts.length - 1) div.getElement().appendChild(new Element("wbr"));
        }
        return div;
    }

    private static Row row(
            String measure, ArmStatistics champion, ArmStatistics challenger, Function<ArmStatistics, String> figure) {
        return new Row(measure, List.of(figure.apply(champion)), List.of(figure.apply(challenger)), false);
    }
}

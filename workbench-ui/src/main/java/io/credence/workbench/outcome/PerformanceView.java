package io.credence.workbench.outcome;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import io.credence.outcome.OutcomeService;
import io.credence.outcome.PerformanceReport;
import io.credence.outcome.PerformanceReport.CalibrationBand;
import io.credence.outcome.PerformanceReport.VersionPerformance;
import io.credence.outcome.PerformanceService;
import io.credence.policy.PolicyService;
import io.credence.security.Role;
import io.credence.workbench.experiment.ExperimentChart;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Per market and version: decided, approved, funded, bad rates with intervals, Gini, KS, calibration, vintages. */
@Route(value = "performance", layout = MainLayout.class)
@PermitAll
public class PerformanceView extends VerticalLayout implements TranslatedTitle {

    private final PerformanceService performance;
    private final Display display = Display.current();
    private final ComboBox<String> market = new ComboBox<>();
    private final Paragraph definition = new Paragraph();
    private final Grid<VersionPerformance> versions = new Grid<>();
    private final H3 calibrationTitle = new H3();
    private final Grid<CalibrationBand> calibration = new Grid<>();
    private final ExperimentChart vintages;
    private final PerformanceFigures figures = new PerformanceFigures(display);

    PerformanceView(PerformanceService performance, OutcomeService outcomes, PolicyService policies, CurrentUser user) {
        this.performance = performance;
        this.vintages = new ExperimentChart("performance-vintages", getTranslation("performance.vintages.label"));
        addClassName("page");
        configureMarket(policies.markets());
        configureVersions();
        configureCalibration();
        add(
                market,
                definition,
                versions,
                calibrationTitle,
                calibration,
                new H3(getTranslation("performance.vintages")),
                vintages);
        if (user.isSignedIn() && user.has(Role.ADMIN)) {
            add(new OutcomeUpload(outcomes, user.name(), this::refresh));
        }
        refresh();
    }

    @Override
    public String heading() {
        return getTranslation("performance.title");
    }

    private void configureMarket(List<String> markets) {
        market.setId("performance-market");
        market.setLabel(getTranslation("common.market"));
        market.setItems(markets);
        if (!markets.isEmpty()) market.setValue(markets.getFirst());
        market.addValueChangeListener(change -> refresh());
    }

    private void configureVersions() {
        versions.setId("performance-versions");
        versions.setAllRowsVisible(true);
        versions.addColumn(v -> "v" + v.version())
                .setHeader(getTranslation("performance.version"))
                .setAutoWidth(true);
        versions.addColumn(v -> display.number(v.decided())).setHeader(getTranslation("performance.decided"));
        versions.addColumn(v -> figures.rate(v.approvalRate(), v.approvalRateInterval()))
                .setHeader(getTranslation("performance.approval-rate"))
                .setAutoWidth(true);
        versions.addColumn(v -> display.number(v.funded())).setHeader(getTranslation("performance.funded"));
        versions.addColumn(v -> display.number(v.bad())).setHeader(getTranslation("performance.bad"));
        versions.addColumn(v -> figures.rate(v.badRateToDate(), v.badRateToDateInterval()))
                .setHeader(getTranslation("performance.bad-rate-to-date"))
                .setAutoWidth(true);
        versions.addColumn(v -> display.number(v.matured())).setHeader(getTranslation("performance.matured"));
        versions.addColumn(v -> figures.rate(v.badRate(), v.badRateInterval()))
                .setHeader(getTranslation("performance.bad-rate"))
                .setAutoWidth(true);
        versions.addColumn(v -> figures.ratio(v.gini())).setHeader("Gini");
        versions.addColumn(v -> figures.ratio(v.ks())).setHeader("KS");
        versions.addColumn(v -> figures.ratio(v.giniMatured())).setHeader(getTranslation("performance.gini-matured"));
        versions.setEmptyStateText(getTranslation("performance.empty"));
        versions.addSelectionListener(
                selected -> selected.getFirstSelectedItem().ifPresent(this::showVersion));
    }

    private void configureCalibration() {
        calibration.setId("performance-calibration");
        calibration.setAllRowsVisible(true);
        calibration
                .addColumn(b -> figures.ratio(b.scoreFrom()) + " – " + figures.ratio(b.scoreTo()))
                .setHeader(getTranslation("performance.calibration.band"));
        calibration
                .addColumn(b -> display.number(b.count()))
                .setHeader(getTranslation("performance.calibration.count"));
        calibration.addColumn(b -> display.number(b.bad())).setHeader(getTranslation("performance.bad"));
        calibration
                .addColumn(b -> figures.rate(b.badRate(), b.badRateInterval()))
                .setHeader(getTranslation("performance.calibration.observed"))
                .setAutoWidth(true);
        calibration
                .addColumn(b -> b.meanProbability() == null ? "—" : display.percent(b.meanProbability()))
                .setHeader(getTranslation("performance.calibration.predicted"));
    }

    private void refresh() {
        if (market.getValue() == null) return;
        PerformanceReport report = performance.report(market.getValue(), null, null, null);
        definition.setText(getTranslation(
                "performance.definition",
                report.definition().badDaysPastDue(),
                report.definition().windowMonths()));
        versions.setItems(report.versions());
        if (report.versions().isEmpty()) {
            calibration.setItems(List.of());
            calibrationTitle.setText(getTranslation("performance.calibration"));
            vintages.show(figures.vintageChart(
                    List.of(),
                    getTranslation("performance.vintages.axis"),
                    getTranslation("performance.vintages.months-on-book")));
        } else {
            versions.select(report.versions().getFirst());
        }
    }

    private void showVersion(VersionPerformance version) {
        calibrationTitle.setText(getTranslation("performance.calibration.of", "v" + version.version()));
        calibration.setItems(version.calibration());
        vintages.show(figures.vintageChart(
                version.vintages(),
                getTranslation("performance.vintages.axis"),
                getTranslation("performance.vintages.months-on-book")));
    }
}

package io.credence.workbench.experiment;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import io.credence.experiment.ExperimentMode;
import io.credence.experiment.NewExperiment;
import io.credence.policy.PolicyVersion;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a reviewer fills in to start an experiment: the market, an approved challenger, the mode, the
 * challenger's share of customers and an optional guard rail. Fires {@link StartRequested}; the view
 * starts it.
 */
class StartExperimentForm extends Div {

    private final Select<String> market = new Select<>();
    private final Select<PolicyVersion> challenger = new Select<>();
    private final Select<ExperimentMode> mode = new Select<>();
    private final IntegerField traffic = new IntegerField("Challenger's share of customers");
    private final NumberField maxDifference = new NumberField("Guard rail: largest approval-rate difference");
    private final IntegerField minimumSample = new IntegerField("Guard rail: decisions per arm before it applies");
    private final Function<String, List<PolicyVersion>> candidates;

    StartExperimentForm(List<String> markets, Function<String, List<PolicyVersion>> candidates) {
        this.candidates = candidates;
        addClassName("start-experiment");
        configureFields(markets);
        Button start = new Button("Start experiment", VaadinIcon.PLAY.create(), click -> submit());
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.setId("start-experiment");
        FormLayout form = new FormLayout(market, challenger, mode, traffic, maxDifference, minimumSample);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(form, start);
    }

    private void configureFields(List<String> markets) {
        market.setLabel("Market");
        market.setId("experiment-market");
        market.setItems(markets);
        market.addValueChangeListener(change -> showCandidates(change.getValue()));
        challenger.setLabel("Challenger");
        challenger.setId("experiment-challenger");
        challenger.setItemLabelGenerator(v -> "v" + v.version() + " · " + v.status().name().toLowerCase()
                + (v.note() == null || v.note().isBlank() ? "" : " · " + v.note()));
        challenger.setEmptySelectionAllowed(false);
        challenger.setHelperText("Approved versions (or the champion itself, for an A/A check)");
        mode.setLabel("Mode");
        mode.setId("experiment-mode");
        mode.setItems(ExperimentMode.values());
        mode.setItemLabelGenerator(m -> m == ExperimentMode.SPLIT ? "Split" : "Shadow");
        mode.setValue(ExperimentMode.SPLIT);
        mode.setHelperText("Split answers a share of customers with the challenger; shadow answers everyone with the "
                + "champion and records the challenger's decision beside it");
        mode.addValueChangeListener(change -> traffic.setEnabled(change.getValue() == ExperimentMode.SPLIT));
        traffic.setId("experiment-traffic");
        traffic.setMin(1);
        traffic.setMax(99);
        traffic.setValue(10);
        traffic.setSuffixComponent(new Div("%"));
        traffic.setHelperText("The same customer always gets the same arm");
        maxDifference.setId("experiment-max-difference");
        maxDifference.setSuffixComponent(new Div("points"));
        maxDifference.setMin(0.1);
        maxDifference.setMax(100);
        maxDifference.setHelperText("Optional: stops the experiment by itself when the challenger strays further");
        minimumSample.setId("experiment-minimum-sample");
        minimumSample.setMin(1);
        minimumSample.setPlaceholder(Integer.toString(NewExperiment.DEFAULT_MINIMUM_SAMPLE));
        if (!markets.isEmpty()) market.setValue(markets.getFirst());
    }

    private void showCandidates(String chosen) {
        List<PolicyVersion> versions = chosen == null ? List.of() : candidates.apply(chosen);
        challenger.setItems(versions);
        challenger.setValue(versions.isEmpty() ? null : versions.getFirst());
        challenger.setHelperText(versions.isEmpty() ? "No approved version of " + chosen + " to try yet"
                : "Approved versions (or the champion itself, for an A/A check)");
    }

    private void submit() {
        List.<HasValidation>of(market, challenger, traffic, maxDifference, minimumSample).forEach(f -> f.setInvalid(false));
        if (market.isEmpty() || challenger.isEmpty()) {
            (market.isEmpty() ? market : challenger).setInvalid(true);
            return;
        }
        try {
            boolean split = mode.getValue() == ExperimentMode.SPLIT;
            BigDecimal max = maxDifference.getValue() == null ? null
                    : BigDecimal.valueOf(maxDifference.getValue()).movePointLeft(2);
            NewExperiment request = new NewExperiment(challenger.getValue().version(), mode.getValue(),
                    split ? (traffic.getValue() == null ? 0 : traffic.getValue()) : 100, max, minimumSample.getValue());
            fireEvent(new StartRequested(this, market.getValue(), request));
        } catch (InvalidRequestException e) {
            Map<String, HasValidation> fields = Map.of("challengerVersion", challenger, "trafficPercent", traffic,
                    "maxApprovalRateDifference", maxDifference, "minimumSample", minimumSample);
            for (FieldProblem problem : e.problems()) {
                HasValidation field = fields.getOrDefault(problem.field(), traffic);
                field.setErrorMessage(problem.message());
                field.setInvalid(true);
            }
        }
    }

    Registration addStartListener(ComponentEventListener<StartRequested> listener) {
        return addListener(StartRequested.class, listener);
    }

    static class StartRequested extends ComponentEvent<StartExperimentForm> {
        private final String market;
        private final NewExperiment request;

        StartRequested(StartExperimentForm source, String market, NewExperiment request) {
            super(source, false);
            this.market = market;
            this.request = request;
        }

        String market() {
            return market;
        }

        NewExperiment request() {
            return request;
        }
    }
}

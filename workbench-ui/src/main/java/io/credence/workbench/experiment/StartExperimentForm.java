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
    private final IntegerField traffic = new IntegerField(getTranslation("experiment.form.traffic"));
    private final NumberField maxDifference = new NumberField(getTranslation("experiment.form.max-difference"));
    private final IntegerField minimumSample = new IntegerField(getTranslation("experiment.form.minimum-sample"));
    private final Function<String, List<PolicyVersion>> candidates;

    StartExperimentForm(List<String> markets, Function<String, List<PolicyVersion>> candidates) {
        this.candidates = candidates;
        addClassName("start-experiment");
        configureFields(markets);
        Button start = new Button(getTranslation("experiment.form.start"), VaadinIcon.PLAY.create(), click -> submit());
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.setId("start-experiment");
        FormLayout form = new FormLayout(market, challenger, mode, traffic, maxDifference, minimumSample);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(form, start);
    }

    private void configureFields(List<String> markets) {
        market.setLabel(getTranslation("common.market"));
        market.setId("experiment-market");
        market.setItems(markets);
        market.addValueChangeListener(change -> showCandidates(change.getValue()));
        challenger.setLabel(getTranslation("experiment.form.challenger"));
        challenger.setId("experiment-challenger");
        challenger.setItemLabelGenerator(v -> "v" + v.version() + " · "
                + getTranslation("experiment.version-status." + v.status().name())
                + (v.note() == null || v.note().isBlank() ? "" : " · " + firstLine(v.note())));
        challenger.setEmptySelectionAllowed(false);
        challenger.setHelperText(getTranslation("experiment.form.challenger.helper"));
        mode.setLabel(getTranslation("experiment.form.mode"));
        mode.setId("experiment-mode");
        mode.setItems(ExperimentMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("experiment.mode." + m.name()));
        mode.setValue(ExperimentMode.SPLIT);
        mode.setHelperText(getTranslation("experiment.form.mode.helper"));
        mode.addValueChangeListener(change -> traffic.setEnabled(change.getValue() == ExperimentMode.SPLIT));
        traffic.setId("experiment-traffic");
        traffic.setMin(1);
        traffic.setMax(99);
        traffic.setValue(10);
        traffic.setSuffixComponent(new Div("%"));
        traffic.setHelperText(getTranslation("experiment.form.traffic.helper"));
        String share = getTranslation("experiment.form.traffic.invalid");
        traffic.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(share)
                .setMaxErrorMessage(share)
                .setBadInputErrorMessage(share));
        maxDifference.setId("experiment-max-difference");
        maxDifference.setSuffixComponent(new Div(getTranslation("experiment.form.max-difference.unit")));
        String difference = getTranslation("experiment.form.max-difference.invalid");
        maxDifference.setI18n(new NumberField.NumberFieldI18n()
                .setMinErrorMessage(difference)
                .setMaxErrorMessage(difference)
                .setBadInputErrorMessage(getTranslation("experiment.form.not-a-number")));
        maxDifference.setMin(0.1);
        maxDifference.setMax(100);
        maxDifference.setHelperText(getTranslation("experiment.form.max-difference.helper"));
        minimumSample.setId("experiment-minimum-sample");
        minimumSample.setMin(1);
        minimumSample.setPlaceholder(Integer.toString(NewExperiment.DEFAULT_MINIMUM_SAMPLE));
        String sample = getTranslation("experiment.form.minimum-sample.invalid");
        minimumSample.setI18n(
                new IntegerField.IntegerFieldI18n().setMinErrorMessage(sample).setBadInputErrorMessage(sample));
        if (!markets.isEmpty()) market.setValue(markets.getFirst());
    }

    private void showCandidates(String chosen) {
        List<PolicyVersion> versions = chosen == null ? List.of() : candidates.apply(chosen);
        challenger.setItems(versions);
        challenger.setValue(versions.isEmpty() ? null : versions.getFirst());
        challenger.setHelperText(
                versions.isEmpty()
                        ? getTranslation("experiment.form.challenger.none", chosen)
                        : getTranslation("experiment.form.challenger.helper"));
    }

    /**
     * Checks what it can here, in the reader's language, before anything reaches the engine: the selects
     * must be chosen, the number fields must hold numbers (their own validation says so), and the request
     * must pass {@link NewExperiment}'s rules, whose problems are told with this form's words.
     */
    private void submit() {
        List.<HasValidation>of(market, challenger).forEach(f -> f.setInvalid(false));
        List.<HasValidation>of(traffic, maxDifference, minimumSample).forEach(f -> f.setErrorMessage(null));
        boolean ready = true;
        if (market.isEmpty()) ready = invalid(market, "experiment.form.market.required");
        if (challenger.isEmpty()) ready = invalid(challenger, "experiment.form.challenger.required");
        boolean split = mode.getValue() == ExperimentMode.SPLIT;
        if ((split && traffic.isInvalid()) || maxDifference.isInvalid() || minimumSample.isInvalid()) ready = false;
        if (!ready) return;
        try {
            BigDecimal max = maxDifference.getValue() == null
                    ? null
                    : BigDecimal.valueOf(maxDifference.getValue()).movePointLeft(2);
            NewExperiment request = new NewExperiment(
                    challenger.getValue().version(),
                    mode.getValue(),
                    split ? (traffic.getValue() == null ? 0 : traffic.getValue()) : 100,
                    max,
                    minimumSample.getValue());
            fireEvent(new StartRequested(this, market.getValue(), request));
        } catch (InvalidRequestException e) {
            Map<String, HasValidation> fields = Map.of(
                    "challengerVersion",
                    challenger,
                    "trafficPercent",
                    traffic,
                    "maxApprovalRateDifference",
                    maxDifference,
                    "minimumSample",
                    minimumSample);
            for (FieldProblem problem : e.problems()) {
                invalid(fields.getOrDefault(problem.field(), traffic), messageKey(problem));
            }
        }
    }

    private boolean invalid(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
        return false;
    }

    /** The form's own words for a problem {@link NewExperiment} found, by the field it names. */
    static String messageKey(FieldProblem problem) {
        return switch (problem.field()) {
            case "challengerVersion" -> "experiment.form.challenger.required";
            case "maxApprovalRateDifference" ->
                problem.message().startsWith("is required")
                        ? "experiment.form.max-difference.required"
                        : "experiment.form.max-difference.invalid";
            case "minimumSample" -> "experiment.form.minimum-sample.invalid";
            default -> "experiment.form.traffic.invalid";
        };
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

    /** A note's first line names the change; what follows (e.g. why test cases fail) is the review's to read. */
    static String firstLine(String note) {
        return note.strip().lines().findFirst().orElse("");
    }
}

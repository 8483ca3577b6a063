package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import io.credence.engine.MarketParameter;
import io.credence.engine.MarketParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * market.json as a form: the product limits and every named parameter as a field of its type (money
 * in the market's currency, percentages as percentages, whole numbers, dates), checked against its
 * bounds as the analyst types. A valid value rewrites only that value in market.json's text, which
 * stays reachable below for anything the form cannot express.
 */
class SettingsPane extends Div {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Div problem = new Div();
    private final FormLayout limits = new FormLayout();
    private final FormLayout parameters = new FormLayout();
    private final H4 parametersTitle = new H4();
    private final Div noParameters = new Div();
    private final DrlEditor source = new DrlEditor(DrlEditor.Mode.JSON);
    private final Details sourceDetails = new Details();
    private final List<HasValue<?, ?>> fields = new ArrayList<>();
    private String json = "";
    private String shape = "";
    private boolean editable;

    SettingsPane() {
        addClassName("settings-pane");
        problem.addClassName("inline-problem");
        problem.setVisible(false);
        Div hint = new Div(getTranslation("editor.settings.hint"));
        hint.addClassName("hint");
        limits.setId("settings-limits");
        parameters.setId("settings-parameters");
        for (FormLayout form : List.of(limits, parameters)) {
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        }
        parametersTitle.setText(getTranslation("editor.settings.parameters"));
        noParameters.addClassName("hint");
        noParameters.setText(getTranslation("editor.settings.no-parameters"));
        source.addClassName("artifact-editor");
        source.setHeight("360px");
        sourceDetails.setSummaryText(getTranslation("editor.settings.source"));
        sourceDetails.add(source);
        sourceDetails.setWidthFull();
        add(
                hint,
                problem,
                new H4(getTranslation("editor.settings.limits")),
                limits,
                parametersTitle,
                noParameters,
                parameters,
                sourceDetails);
    }

    /** The artifact's raw editor: the workspace marks errors in it and sends its edits like any other. */
    DrlEditor source() {
        return source;
    }

    void revealSource() {
        sourceDetails.setOpened(true);
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        source.setReadOnly(!editable);
        fields.forEach(field -> field.setReadOnly(!editable));
    }

    /** Shows a market.json text, as stored or as the analyst typed it in the source editor. */
    void show(String text) {
        if (!text.equals(source.getValue())) source.setValue(text);
        if (text.equals(json)) return;
        json = text;
        MarketParameters.Parsed parsed = MarketParameters.parse(text);
        Map<String, BigDecimal> values = MarketParameters.limits(text);
        // Rebuilding the form under the analyst's cursor would lose their place: only when fields come or go.
        String newShape = values.keySet() + "|"
                + parsed.parameters().stream()
                        .map(p -> p.name() + ":" + p.type() + ":" + p.label() + ":" + p.min() + ":" + p.max() + ":"
                                + p.minDate() + ":" + p.maxDate())
                        .toList();
        boolean readable = !values.isEmpty();
        problem.setVisible(!readable);
        problem.setText(readable ? "" : getTranslation("editor.settings.not-readable"));
        if (!readable) revealSource();
        if (newShape.equals(shape)) return;
        shape = newShape;
        fields.clear();
        limits.removeAll();
        parameters.removeAll();
        String currency = TrialApplication.currencyOf(text);
        values.forEach((name, value) -> limits.add(numberField(
                "limit-" + name,
                List.of(name),
                getTranslation("editor.settings.limit." + name),
                MarketParameters.LIMITS.get(name),
                value,
                limitMin(name),
                limitMax(name),
                null,
                null,
                currency)));
        for (MarketParameter p : parsed.parameters()) {
            if (p.type() == MarketParameter.Type.DATE) parameters.add(dateField(p));
            else
                parameters.add(numberField(
                        "param-" + p.name(),
                        List.of("parameters", p.name(), "value"),
                        p.label(),
                        p.type(),
                        p.value(),
                        p.min(),
                        p.max(),
                        p.unit(),
                        p.help(),
                        currency));
        }
        noParameters.setVisible(parsed.parameters().isEmpty());
        setEditable(editable);
    }

    private static BigDecimal limitMin(String name) {
        return name.endsWith("TermMonths") ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static BigDecimal limitMax(String name) {
        if (name.endsWith("TermMonths")) return BigDecimal.valueOf(600);
        if (name.endsWith("Apr")) return BigDecimal.TEN;
        return null;
    }

    private BigDecimalField numberField(
            String id,
            List<String> path,
            String label,
            MarketParameter.Type type,
            BigDecimal value,
            BigDecimal min,
            BigDecimal max,
            String unit,
            String help,
            String currency) {
        BigDecimalField field = new BigDecimalField(label);
        field.setId(id);
        field.getElement().setAttribute("data-type", type.json());
        field.setWidthFull();
        boolean percent = type == MarketParameter.Type.PERCENT;
        field.setValue(percent ? value.multiply(HUNDRED).stripTrailingZeros() : value.stripTrailingZeros());
        String suffix = percent ? "%" : type == MarketParameter.Type.MONEY ? currency : unit;
        if (suffix != null) field.setSuffixComponent(new Span(suffix));
        field.setHelperText(helper(help, percent ? scaled(min) : min, percent ? scaled(max) : max, suffix));
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.addValueChangeListener(change -> {
            if (!change.isFromClient()) return;
            BigDecimal shown = change.getValue();
            BigDecimal stored = shown == null ? null : percent ? shown.divide(HUNDRED) : shown;
            String problemText = problem(type, stored, min, max, percent);
            field.setInvalid(problemText != null);
            field.setErrorMessage(problemText);
            if (problemText == null) edited(path, stored.stripTrailingZeros().toPlainString());
        });
        fields.add(field);
        return field;
    }

    private DatePicker dateField(MarketParameter p) {
        DatePicker field = new DatePicker(p.label());
        field.setId("param-" + p.name());
        field.getElement().setAttribute("data-type", p.type().json());
        field.setWidthFull();
        field.setValue(p.date());
        field.setMin(p.minDate());
        field.setMax(p.maxDate());
        field.setHelperText(p.help());
        field.addValueChangeListener(change -> {
            if (!change.isFromClient()) return;
            LocalDate date = change.getValue();
            String problemText = date == null
                    ? getTranslation("editor.settings.required")
                    : p.minDate() != null && date.isBefore(p.minDate())
                            ? getTranslation("editor.settings.below-min", p.minDate())
                            : p.maxDate() != null && date.isAfter(p.maxDate())
                                    ? getTranslation("editor.settings.above-max", p.maxDate())
                                    : null;
            field.setInvalid(problemText != null);
            field.setErrorMessage(problemText);
            if (problemText == null) edited(List.of("parameters", p.name(), "value"), "\"" + date + "\"");
        });
        fields.add(field);
        return field;
    }

    private String problem(
            MarketParameter.Type type, BigDecimal value, BigDecimal min, BigDecimal max, boolean percent) {
        if (value == null) return getTranslation("editor.settings.required");
        if (type == MarketParameter.Type.INTEGER && value.stripTrailingZeros().scale() > 0) {
            return getTranslation("editor.settings.whole-number");
        }
        if (min != null && value.compareTo(min) < 0)
            return getTranslation("editor.settings.below-min", shown(min, percent));
        if (max != null && value.compareTo(max) > 0)
            return getTranslation("editor.settings.above-max", shown(max, percent));
        return null;
    }

    private static String shown(BigDecimal value, boolean percent) {
        return percent ? scaled(value) + " %" : value.stripTrailingZeros().toPlainString();
    }

    private static String scaled(BigDecimal value) {
        return value == null
                ? null
                : value.multiply(HUNDRED).stripTrailingZeros().toPlainString();
    }

    private String helper(String help, Object min, Object max, String suffix) {
        String range = min == null && max == null
                ? null
                : getTranslation(
                        "editor.settings.range",
                        min == null ? "…" : plain(min),
                        max == null ? "…" : plain(max),
                        suffix == null ? "" : suffix);
        if (help == null) return range;
        return range == null ? help : help + " " + range;
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    private void edited(List<String> path, String literal) {
        json = MarketParameters.withValue(json, path, literal);
        source.setValue(json);
        fireEvent(new SettingsEdited(this, json));
    }

    Registration addSettingsEditedListener(ComponentEventListener<SettingsEdited> listener) {
        return addListener(SettingsEdited.class, listener);
    }

    static class SettingsEdited extends ComponentEvent<SettingsPane> {
        private final String json;

        SettingsEdited(SettingsPane source, String json) {
            super(source, true);
            this.json = json;
        }

        String json() {
            return json;
        }
    }
}

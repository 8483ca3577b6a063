package io.credence.workbench.experiment;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart: the {@code <credence-chart>} web component (Chart.js), given a Chart.js configuration as
 * JSON. {@code label} is read out by screen readers in place of the picture.
 */
@Tag("credence-chart")
public class ExperimentChart extends Component implements HasSize {

    /** Built by src/main/charts/build.mjs into META-INF/resources; not part of Vaadin's bundle. */
    static final String MODULE = "context://charts/credence-chart.js";

    public ExperimentChart(String id, String label) {
        setId(id);
        getElement().setAttribute("aria-label", label);
        setWidthFull();
    }

    public void show(ObjectNode config) {
        getElement().setProperty("config", config.toString());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addJsModule(MODULE);
    }
}

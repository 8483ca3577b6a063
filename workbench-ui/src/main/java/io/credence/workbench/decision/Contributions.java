package io.credence.workbench.decision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.credence.engine.Contribution;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.math.BigDecimal;

/**
 * How each part of the risk model moved the score: a scorecard's points per characteristic with its
 * reason code, or another model's inputs ranked by how much they raised the risk.
 */
final class Contributions {

    private Contributions() {}

    static Component of(Contribution.Explanation explanation, Display display) {
        Words texts = Words.current();
        if (explanation.contributions().isEmpty())
            return Evidence.muted(texts.translate("decisions.contributions.none"));
        boolean points = explanation.kind() == Contribution.Kind.POINTS;
        Paragraph intro = new Paragraph(texts.translate(
                points ? "decisions.contributions.points-intro" : "decisions.contributions.risk-intro"));
        intro.addClassName("muted");
        Grid<Contribution> grid = new Grid<>();
        grid.setId("contributions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(Contribution::name)
                .setHeader(texts.translate(
                        points ? "decisions.contributions.characteristic" : "decisions.contributions.input"))
                .setFlexGrow(1);
        grid.addColumn(Contribution::value)
                .setHeader(texts.translate("decisions.contributions.value"))
                .setFlexGrow(1);
        grid.addColumn(c -> points ? display.number(BigDecimal.valueOf(c.amount())) : display.probability(c.amount()))
                .setHeader(texts.translate(points ? "decisions.contributions.points" : "decisions.contributions.risk"))
                .setWidth("8rem")
                .setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(c -> c.reasonCode() == null ? "—" : c.reasonCode())
                .setHeader(texts.translate("decisions.reasons.code"))
                .setWidth("14rem")
                .setFlexGrow(0);
        grid.setItems(explanation.contributions());
        grid.setAllRowsVisible(true);
        return new Div(intro, grid);
    }
}

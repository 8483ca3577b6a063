package io.credence.workbench.decision;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.decision.ReplayResult;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.util.function.Supplier;

/** Re-runs the decision on the exact version that made it and shows, aspect by aspect, whether it is the same. */
class ReplayPanel extends Composite<Div> {

    private final Div result = new Div();

    ReplayPanel(Supplier<ReplayResult> replay, String currency, Display display) {
        Button button = new Button(getTranslation("decisions.replay"), VaadinIcon.REFRESH.create());
        button.setId("replay");
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            try {
                show(replay.get(), currency, display);
            } finally {
                button.setEnabled(true);
            }
        });
        result.setId("replay-result");
        result.addClassName("replay-result");
        getContent().add(Evidence.muted(getTranslation("decisions.replay.intro")), button, result);
    }

    private void show(ReplayResult replay, String currency, Display display) {
        result.removeAll();
        result.add(
                replay.matches()
                        ? Badges.good(getTranslation("decisions.replay.matches"))
                        : Badges.bad(getTranslation("decisions.replay.differs")));
        Grid<ReplayComparison> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(ReplayComparison::aspect)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ReplayComparison::original)
                .setHeader(getTranslation("decisions.replay.original"))
                .setFlexGrow(1);
        grid.addColumn(ReplayComparison::replayed)
                .setHeader(getTranslation("decisions.replay.replayed"))
                .setFlexGrow(1);
        grid.setPartNameGenerator(row -> row.same() ? null : "differs");
        grid.setItems(ReplayComparison.of(replay.original(), replay.replayed(), currency, display, Words.current()));
        grid.setAllRowsVisible(true);
        result.add(grid);
    }
}

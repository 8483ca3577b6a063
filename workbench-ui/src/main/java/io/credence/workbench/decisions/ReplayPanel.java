package io.credence.workbench.decisions;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.decision.ReplayResult;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import java.util.function.Supplier;

/** Re-runs the decision on the exact version that made it and shows whether the result is the same. */
class ReplayPanel extends Composite<Div> {

    private final Div result = new Div();

    ReplayPanel(Supplier<ReplayResult> replay, String currency, Display display) {
        Button button = new Button("Replay", VaadinIcon.REFRESH.create());
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
        getContent().add(Evidence.muted("Re-runs the stored request, with the context it saw, on the exact policy "
                + "version that decided it, and compares the results."), button, result);
    }

    private void show(ReplayResult replayed, String currency, Display display) {
        result.removeAll();
        result.add(replayed.matches()
                ? Badges.good("Matches: true · the same outcome, score, reasons, offer and rules")
                : Badges.bad("Matches: false · the replay differs from the original"));
        result.add(new OutcomeSummary(replayed.replayed(), null, currency, display), Evidence.reasons(replayed.replayed().reasons()));
    }
}

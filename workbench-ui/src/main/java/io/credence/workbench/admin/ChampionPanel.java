package io.credence.workbench.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.engine.CompiledPolicy;
import io.credence.workbench.components.Facts;
import java.util.Optional;

/** What serves a market now, and the way back to what served before. */
class ChampionPanel extends Composite<Div> {

    private final Div facts = new Div();
    private final Button rollback = new Button(VaadinIcon.ARROW_BACKWARD.create());

    ChampionPanel(Runnable onRollback) {
        rollback.setId("rollback");
        rollback.addClickListener(click -> onRollback.run());
        getContent().addClassName("champion-panel");
        getContent().add(facts, rollback);
    }

    void show(String market, Optional<CompiledPolicy> champion, Integer previous) {
        Span digest = new Span(champion.map(CompiledPolicy::digest).orElse("—"));
        digest.addClassName("mono");
        facts.removeAll();
        facts.add(new Facts()
                .add("Champion", champion.map(c -> "v" + c.version()).orElse("nothing deployed"))
                .add("Digest", digest)
                .add("Currency", champion.map(c -> c.settings().currency()).orElse("—"))
                .add("Previous champion", previous == null ? "none" : "v" + previous));
        rollback.setText(previous == null ? "Roll back" : "Roll back to v" + previous);
        rollback.setEnabled(previous != null);
        rollback.setTooltipText(previous == null ? market + " has no previous champion to go back to."
                : "Makes v" + previous + " the champion of " + market + " again.");
    }
}

package io.credence.workbench.audit;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.audit.ChainVerification;
import io.credence.workbench.components.Badges;
import java.util.function.Supplier;

/** Re-computes the audit trail's hash chain and says whether it is intact or where it first breaks. */
class ChainCheck extends Composite<Div> {

    private final Div result = new Div();

    ChainCheck(Supplier<ChainVerification> verify) {
        Button button = new Button("Verify chain", VaadinIcon.SHIELD.create(), click -> show(verify.get()));
        button.setId("verify-chain");
        result.setId("chain-result");
        getContent().addClassName("chain-check");
        getContent().add(button, result);
    }

    private void show(ChainVerification verification) {
        result.removeAll();
        String text = describe(verification);
        result.add(verification.intact() ? Badges.good(text) : Badges.bad(text));
    }

    static String describe(ChainVerification verification) {
        return verification.intact()
                ? "Intact: all " + verification.entriesChecked() + " entries check out"
                : "Broken at entry " + verification.firstBrokenSeq() + ": " + verification.problem();
    }
}

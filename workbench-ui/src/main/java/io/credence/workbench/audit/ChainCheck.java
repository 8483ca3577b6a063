package io.credence.workbench.audit;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.audit.ChainVerification;
import io.credence.workbench.components.Badges;
import io.credence.workbench.i18n.Words;
import java.util.function.Supplier;

/** Re-computes the audit trail's hash chain and says whether it is intact or where it first breaks. */
class ChainCheck extends Composite<Div> {

    private final Div result = new Div();

    ChainCheck(Supplier<ChainVerification> verify) {
        Button button = new Button(
                getTranslation("audit.chain.verify"), VaadinIcon.SHIELD.create(), click -> show(verify.get()));
        button.setId("verify-chain");
        result.setId("chain-result");
        getContent().addClassName("chain-check");
        getContent().add(button, result);
    }

    private void show(ChainVerification verification) {
        result.removeAll();
        String text = describe(verification, Words.current());
        result.add(verification.intact() ? Badges.good(text) : Badges.bad(text));
    }

    /** The engine says why a link is broken in English; the words around it are the reader's. */
    static String describe(ChainVerification verification, Words texts) {
        return verification.intact()
                ? texts.translate("audit.chain.intact", verification.entriesChecked())
                : texts.translate(
                        "audit.chain.broken", String.valueOf(verification.firstBrokenSeq()), verification.problem());
    }
}

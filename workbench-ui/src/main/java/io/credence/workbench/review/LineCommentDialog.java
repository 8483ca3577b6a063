package io.credence.workbench.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.function.Function;

/** Writes a comment on one line of the diff; stays open with the problem when the comment is refused. */
class LineCommentDialog extends Dialog {

    static final int TEXT_MAX = 2000;

    LineCommentDialog(SideBySideDiff.LinePicked line, Function<String, Optional<String>> save) {
        setHeaderTitle(getTranslation(
                line.old() ? "review.comment.title-old" : "review.comment.title",
                String.valueOf(line.line()),
                line.artifact()));
        setWidth("34em");
        TextArea text = new TextArea(getTranslation("review.comment.text"));
        text.setId("line-comment-text");
        text.setWidthFull();
        text.setMaxLength(TEXT_MAX);
        text.setMinRows(3);
        Div problem = new Div();
        problem.addClassName("inline-problem");
        problem.setVisible(false);
        add(text, problem);
        Button send = new Button(getTranslation("review.comment.save"), click -> {
            if (text.getValue().isBlank()) {
                text.setInvalid(true);
                text.setErrorMessage(getTranslation("review.comment.required"));
                return;
            }
            save.apply(text.getValue())
                    .ifPresentOrElse(
                            message -> {
                                problem.setText(message);
                                problem.setVisible(true);
                            },
                            this::close);
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setId("save-line-comment");
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, send);
        text.focus();
    }
}

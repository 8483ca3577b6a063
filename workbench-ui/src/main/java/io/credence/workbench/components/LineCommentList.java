package io.credence.workbench.components;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.policy.LineComment;
import io.credence.workbench.format.Display;
import java.util.List;

/**
 * The comments left on lines of a version's diff, in the order they were written: where (artifact and
 * line), who, when and what. The review lists them beside the diff; the editor shows them to the author
 * in the draft that answers the review.
 */
public class LineCommentList extends Div {

    public LineCommentList(List<LineComment> comments, Display display) {
        addClassName("line-comment-list");
        if (comments.isEmpty()) {
            add(new Div(getTranslation("components.line-comments.none")));
            return;
        }
        for (LineComment c : comments) {
            Span where = new Span(getTranslation(
                    LineComment.OLD.equals(c.side())
                            ? "components.line-comments.where-old"
                            : "components.line-comments.where",
                    c.artifact(),
                    String.valueOf(c.line()),
                    String.valueOf(c.version())));
            where.addClassName("line-comment-where");
            Span who = new Span(
                    getTranslation("components.line-comments.who", c.author(), display.dateTime(c.createdAt())));
            who.addClassName("line-comment-who");
            Div text = new Div(c.text());
            text.addClassName("line-comment-text");
            Div item = new Div(where, who, text);
            item.addClassName("line-comment");
            add(item);
        }
    }
}

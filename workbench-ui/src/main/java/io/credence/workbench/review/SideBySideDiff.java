package io.credence.workbench.review;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.policy.LineComment;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * One artifact's diff: old text on the left, new on the right, line numbers on both sides, and under a
 * line the comments left on it. When the reader may comment, a click on a line number picks that line.
 */
class SideBySideDiff extends Details {

    /** A line number clicked: a line of this version, or with {@code old} of the version compared with. */
    record LinePicked(String artifact, boolean old, int line) {}

    SideBySideDiff(
            DiffLayout.Section section,
            String oldLabel,
            String newLabel,
            List<LineComment> comments,
            Display display,
            Consumer<LinePicked> onPick) {
        Span name = new Span(section.artifact());
        name.addClassName("diff-artifact");
        Span counts = new Span(
                section.changed()
                        ? "+" + section.added() + " −" + section.removed()
                        : getTranslation("review.diff.unchanged"));
        counts.addClassName(section.changed() ? "diff-counts" : "diff-unchanged");
        Div summary = new Div(name, counts);
        if (!comments.isEmpty()) {
            Span commented = new Span(getTranslation("review.diff.comments", comments.size()));
            commented.addClassName("diff-comment-count");
            summary.add(commented);
        }
        setSummary(summary);
        addClassName("side-by-side-diff");
        getElement().setAttribute("data-artifact", section.artifact());
        setOpened(section.changed() || !comments.isEmpty());
        setWidthFull();
        if (!section.changed()) {
            add(new Div(getTranslation("review.diff.no-change", oldLabel)));
            return;
        }
        Html table = new Html(table(section, oldLabel, newLabel, comments, display, this::getTranslation));
        if (onPick != null) {
            table.getElement().getClassList().add("commentable");
            table.getElement()
                    .addEventListener("click", click -> {
                        JsonNode data = click.getEventData();
                        String side = text(data, "event.target.dataset.side");
                        String line = text(data, "event.target.dataset.line");
                        if (side != null && line != null)
                            onPick.accept(
                                    new LinePicked(section.artifact(), "old".equals(side), Integer.parseInt(line)));
                    })
                    .addEventData("event.target.dataset.side")
                    .addEventData("event.target.dataset.line");
        }
        add(table);
    }

    static String table(DiffLayout.Section section, String oldLabel, String newLabel, Words words) {
        return table(section, oldLabel, newLabel, List.of(), null, words);
    }

    static String table(
            DiffLayout.Section section,
            String oldLabel,
            String newLabel,
            List<LineComment> comments,
            Display display,
            Words words) {
        StringBuilder html = new StringBuilder("<div class=\"diff-scroll\"><table class=\"diff-table\">")
                .append(
                        "<colgroup><col class=\"num\"><col class=\"text\"><col class=\"num\"><col class=\"text\"></colgroup>")
                .append("<thead><tr><th colspan=\"2\">")
                .append(escape(oldLabel))
                .append("</th><th colspan=\"2\">")
                .append(escape(newLabel))
                .append("</th></tr></thead><tbody>");
        for (DiffLayout.Line line : section.lines()) {
            html.append("<tr class=\"").append(line.cssClass()).append("\">");
            if (line.isFold()) {
                html.append("<td colspan=\"4\">⋯ ")
                        .append(escape(words.translate("review.diff.folded", line.folded())))
                        .append(" ⋯</td>");
            } else {
                cell(html, "old", line.oldNumber(), line.oldText());
                cell(html, "new", line.newNumber(), line.newText());
            }
            html.append("</tr>");
            if (!line.isFold()) commentsUnder(html, line, comments, display, words);
        }
        return html.append("</tbody></table></div>").toString();
    }

    /** The comments on this row's new line and, for a removed line, on its old line. */
    private static void commentsUnder(
            StringBuilder html, DiffLayout.Line line, List<LineComment> comments, Display display, Words words) {
        for (LineComment c : comments) {
            boolean here = LineComment.OLD.equals(c.side())
                    ? line.newNumber() == null && line.oldNumber() != null && line.oldNumber() == c.line()
                    : line.newNumber() != null && line.newNumber() == c.line();
            if (!here) continue;
            html.append("<tr class=\"diff-comment\" data-side=\"")
                    .append(c.side())
                    .append("\" data-line=\"")
                    .append(c.line())
                    .append("\"><td colspan=\"4\"><div class=\"line-comment\"><span class=\"line-comment-who\">")
                    .append(escape(words.translate(
                            "components.line-comments.who",
                            c.author(),
                            display == null ? c.createdAt().toString() : display.dateTime(c.createdAt()))))
                    .append("</span><div class=\"line-comment-text\">")
                    .append(escape(c.text()))
                    .append("</div></div></td></tr>");
        }
    }

    private static void cell(StringBuilder html, String side, Integer number, String text) {
        String blank = number == null ? " blank" : "";
        html.append("<td class=\"num ").append(side).append(blank).append("\"");
        if (number != null)
            html.append(" data-side=\"")
                    .append(side)
                    .append("\" data-line=\"")
                    .append(number)
                    .append("\"");
        html.append(">")
                .append(number == null ? "" : number)
                .append("</td><td class=\"code ")
                .append(side)
                .append(blank)
                .append("\">")
                .append(number == null ? "" : escape(text))
                .append("</td>");
    }

    private static String text(JsonNode data, String key) {
        JsonNode value = data.path(key);
        return value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

package io.credence.workbench.review;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.workbench.i18n.Words;
import org.springframework.web.util.HtmlUtils;

/** One artifact's diff: old text on the left, new on the right, line numbers on both sides. */
class SideBySideDiff extends Details {

    SideBySideDiff(DiffLayout.Section section, String oldLabel, String newLabel) {
        Span name = new Span(section.artifact());
        name.addClassName("diff-artifact");
        Span counts = new Span(section.changed() ? "+" + section.added() + " −" + section.removed()
                : getTranslation("review.diff.unchanged"));
        counts.addClassName(section.changed() ? "diff-counts" : "diff-unchanged");
        setSummary(new Div(name, counts));
        addClassName("side-by-side-diff");
        getElement().setAttribute("data-artifact", section.artifact());
        setOpened(section.changed());
        setWidthFull();
        if (section.changed()) add(new Html(table(section, oldLabel, newLabel, this::getTranslation)));
        else add(new Div(getTranslation("review.diff.no-change", oldLabel)));
    }

    static String table(DiffLayout.Section section, String oldLabel, String newLabel, Words words) {
        StringBuilder html = new StringBuilder("<div class=\"diff-scroll\"><table class=\"diff-table\">")
                .append("<colgroup><col class=\"num\"><col class=\"text\"><col class=\"num\"><col class=\"text\"></colgroup>")
                .append("<thead><tr><th colspan=\"2\">").append(escape(oldLabel)).append("</th><th colspan=\"2\">")
                .append(escape(newLabel)).append("</th></tr></thead><tbody>");
        for (DiffLayout.Line line : section.lines()) {
            html.append("<tr class=\"").append(line.cssClass()).append("\">");
            if (line.isFold()) {
                html.append("<td colspan=\"4\">⋯ ").append(escape(words.translate("review.diff.folded", line.folded())))
                        .append(" ⋯</td>");
            } else {
                cell(html, "old", line.oldNumber(), line.oldText());
                cell(html, "new", line.newNumber(), line.newText());
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    private static void cell(StringBuilder html, String side, Integer number, String text) {
        String blank = number == null ? " blank" : "";
        html.append("<td class=\"num ").append(side).append(blank).append("\">").append(number == null ? "" : number)
                .append("</td><td class=\"code ").append(side).append(blank).append("\">")
                .append(number == null ? "" : escape(text)).append("</td>");
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

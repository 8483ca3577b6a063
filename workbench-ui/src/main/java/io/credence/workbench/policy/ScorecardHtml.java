package io.credence.workbench.policy;

import io.credence.scorecard.ScorecardTable;
import io.credence.workbench.i18n.Words;
import java.math.BigDecimal;
import org.springframework.web.util.HtmlUtils;

/**
 * A scorecard as one HTML table: a characteristic's name spans its bins, each bin shows its
 * condition, points and reason code. Every text from the PMML document is escaped.
 */
final class ScorecardHtml {

    private ScorecardHtml() {}

    static String table(ScorecardTable scorecard, Words words) {
        StringBuilder html = new StringBuilder("<table class=\"scorecard-table\"><thead><tr>")
                .append("<th>")
                .append(escape(words.translate("editor.scorecard.characteristic")))
                .append("</th>")
                .append("<th>")
                .append(escape(words.translate("editor.scorecard.bin")))
                .append("</th>")
                .append("<th class=\"num\">")
                .append(escape(words.translate("editor.scorecard.points")))
                .append("</th>")
                .append("<th>")
                .append(escape(words.translate("editor.scorecard.reason-code")))
                .append("</th>")
                .append("</tr></thead><tbody>");
        for (ScorecardTable.Characteristic c : scorecard.characteristics()) {
            int rows = Math.max(c.bins().size(), 1);
            html.append("<tr class=\"first-bin\"><td rowspan=\"")
                    .append(rows)
                    .append("\" class=\"characteristic\">")
                    .append("<div class=\"characteristic-name\">")
                    .append(escape(c.name()))
                    .append("</div>")
                    .append("<div class=\"characteristic-meta\">")
                    .append(escape(words.translate(
                            "editor.scorecard.range", points(c.minScore(), words), points(c.maxScore(), words))));
            if (c.baselineScore() != null) {
                html.append(escape(words.translate("editor.scorecard.baseline", points(c.baselineScore(), words))));
            }
            html.append("</div></td>");
            if (c.bins().isEmpty()) {
                html.append("<td colspan=\"3\">")
                        .append(escape(words.translate("editor.scorecard.no-bins")))
                        .append("</td></tr>");
            }
            for (int i = 0; i < c.bins().size(); i++) {
                ScorecardTable.Bin bin = c.bins().get(i);
                if (i > 0) html.append("<tr>");
                html.append("<td class=\"condition\">")
                        .append(escape(bin.condition()))
                        .append("</td>")
                        .append("<td class=\"num\">")
                        .append(points(bin.partialScore(), words))
                        .append("</td>")
                        .append("<td class=\"reason-code\">")
                        .append(escape(bin.reasonCode()))
                        .append("</td></tr>");
            }
        }
        return html.append("</tbody></table>").toString();
    }

    /** 110.0 as "110", 0.5 as "0.5", null (a computed score) as "computed". */
    static String points(Double value, Words words) {
        if (value == null) return words.translate("editor.scorecard.computed");
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

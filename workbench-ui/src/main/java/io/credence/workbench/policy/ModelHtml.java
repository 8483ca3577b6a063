package io.credence.workbench.policy;

import io.credence.scorecard.ModelSummary;
import io.credence.workbench.i18n.Words;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** A risk model's inputs and coefficients as HTML tables; every text from the PMML document is escaped. */
final class ModelHtml {

    private ModelHtml() {}

    /** Each input, the vocabulary field that feeds it, both types, its importance and the check's verdict. */
    static String inputs(ModelSummary model, List<ModelSummary.InputCheck> checks, Words words) {
        StringBuilder html = new StringBuilder("<table class=\"model-inputs\"><thead><tr>");
        for (String key : List.of(
                "editor.model.input",
                "editor.model.source",
                "editor.model.vocabulary-type",
                "editor.model.data-type",
                "editor.model.importance",
                "editor.model.check")) {
            html.append("<th>").append(escape(words.translate(key))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < checks.size(); i++) {
            ModelSummary.InputCheck check = checks.get(i);
            Double importance = model.inputs().get(i).importance();
            html.append("<tr class=\"")
                    .append(check.problem() == null ? "fits" : "misfit")
                    .append("\">")
                    .append("<td>")
                    .append(escape(check.input()))
                    .append("</td>")
                    .append("<td>")
                    .append(escape(check.source()))
                    .append("</td>")
                    .append("<td>")
                    .append(escape(check.vocabularyType() == null ? "—" : check.vocabularyType()))
                    .append("</td>")
                    .append("<td>")
                    .append(escape(check.dataType()))
                    .append("</td>")
                    .append("<td class=\"num\">")
                    .append(
                            importance == null
                                    ? "—"
                                    : BigDecimal.valueOf(importance * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                                            + "%")
                    .append("</td>")
                    .append("<td>")
                    .append(escape(check.problem() == null ? words.translate("editor.model.fits") : check.problem()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** A regression's terms per target category, to six significant digits. */
    static String coefficients(ModelSummary model, Words words) {
        StringBuilder html = new StringBuilder("<table class=\"model-coefficients\"><thead><tr>")
                .append("<th>")
                .append(escape(words.translate("editor.model.category")))
                .append("</th>")
                .append("<th>")
                .append(escape(words.translate("editor.model.term")))
                .append("</th>")
                .append("<th class=\"num\">")
                .append(escape(words.translate("editor.model.coefficient")))
                .append("</th>")
                .append("</tr></thead><tbody>");
        for (ModelSummary.Coefficient c : model.coefficients()) {
            html.append("<tr><td>")
                    .append(escape(c.targetCategory() == null ? "—" : c.targetCategory()))
                    .append("</td>")
                    .append("<td>")
                    .append(escape(c.term()))
                    .append("</td>")
                    .append("<td class=\"num\">")
                    .append(new BigDecimal(c.coefficient())
                            .round(new MathContext(6))
                            .stripTrailingZeros()
                            .toPlainString())
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

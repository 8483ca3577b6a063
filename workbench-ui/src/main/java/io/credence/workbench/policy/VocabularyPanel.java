package io.credence.workbench.policy;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.markdown.Markdown;
import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.LanguageSelection;

/** The authoring guide beside the editor: the facts, fields and actions a rule may use. */
class VocabularyPanel extends Div {

    VocabularyPanel(AuthoringGuide guide) {
        addClassName("vocabulary-panel");
        add(new H4(getTranslation("editor.vocabulary.title")));
        if (LanguageSelection.current() != Language.ENGLISH) {
            // The guide is one document, kept in English; say so rather than leave a reader to wonder.
            Paragraph note = new Paragraph(getTranslation("editor.vocabulary.english-only"));
            note.addClassName("vocabulary-language-note");
            add(note);
        }
        guide.markdown().ifPresentOrElse(
                markdown -> add(new Markdown(markdown)),
                () -> add(new Paragraph(getTranslation("editor.vocabulary.missing"))));
    }
}

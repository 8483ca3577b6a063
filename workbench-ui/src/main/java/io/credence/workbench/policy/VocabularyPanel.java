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
        Language language = LanguageSelection.current();
        // A language the guide has no edition in gets the English one; say so rather than leave a reader to wonder.
        Paragraph note = new Paragraph(getTranslation(
                guide.writtenIn(language) ? "editor.vocabulary.names-in-english" : "editor.vocabulary.english-only"));
        note.addClassName("vocabulary-language-note");
        note.setVisible(language != Language.ENGLISH);
        add(note);
        guide.markdown(language)
                .ifPresentOrElse(
                        markdown -> add(new Markdown(markdown)),
                        () -> add(new Paragraph(getTranslation("editor.vocabulary.missing"))));
    }
}

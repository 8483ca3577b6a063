package io.credence.workbench.editor;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.markdown.Markdown;

/** The authoring guide beside the editor: the facts, fields and actions a rule may use. */
class VocabularyPanel extends Div {

    VocabularyPanel(AuthoringGuide guide) {
        addClassName("vocabulary-panel");
        add(new H4(getTranslation("editor.vocabulary.title")));
        guide.markdown().ifPresentOrElse(
                markdown -> add(new Markdown(markdown)),
                () -> add(new Paragraph(getTranslation("editor.vocabulary.missing"))));
    }
}

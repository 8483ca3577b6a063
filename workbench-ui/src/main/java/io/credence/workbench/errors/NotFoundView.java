package io.credence.workbench.errors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/** An address with no page behind it (or one this person's role may not open). */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, TranslatedTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("problem-view");
        add(
                new H2(heading()),
                new Paragraph(getTranslation(
                        "errors.page-not-found.detail",
                        "/" + event.getLocation().getPath())),
                new Anchor("", getTranslation("errors.back-to-overview")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String heading() {
        return getTranslation("errors.page-not-found");
    }
}

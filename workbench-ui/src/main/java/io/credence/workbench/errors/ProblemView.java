package io.credence.workbench.errors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shown in place of a page that failed to open: the domain's message, or a logged reference. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ProblemView extends VerticalLayout implements HasErrorParameter<Exception>, TranslatedTitle {

    private static final Logger log = LoggerFactory.getLogger(ProblemView.class);
    private String title = getTranslation("errors.problem");

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Problem problem = Problem.of(parameter.getCaughtException());
        if (!problem.expected()) {
            log.error(
                    "Could not open {}, reference {}",
                    event.getLocation().getPath(),
                    problem.reference(),
                    parameter.getCaughtException());
        }
        title = problem.title();
        removeAll();
        addClassName("problem-view");
        add(
                new H2(problem.title()),
                new Paragraph(problem.detail()),
                new Anchor("", getTranslation("errors.back-to-overview")));
        return problem.httpStatus();
    }

    @Override
    public String heading() {
        return title;
    }
}

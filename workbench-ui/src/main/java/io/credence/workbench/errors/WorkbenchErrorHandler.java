package io.credence.workbench.errors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.credence.workbench.i18n.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an exception thrown by a click or any other UI event into a notification on the screen the
 * person is looking at, so views need no try/catch around service calls. Domain refusals show
 * their message; anything else is logged with a reference that the notification shows.
 */
@Component
class WorkbenchErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(WorkbenchErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = event.getComponent().flatMap(c -> c.getUI()).orElseGet(UI::getCurrent);
        // Worded in the language of the screen it is shown on, whichever thread reports it.
        Problem problem = Problem.of(event.getThrowable(), ui == null ? Words.current() : Words.in(ui.getLocale()));
        if (problem.expected()) {
            log.debug("Refused in the workbench: {}", problem.detail());
        } else {
            log.error("Workbench error, reference {}", problem.reference(), event.getThrowable());
        }
        if (ui != null) {
            ui.access(() -> Notices.problem(problem));
        }
    }
}

package io.credence.workbench.errors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Short messages at the top of the screen: a success fades, a problem stays until closed or
 * replaced. Callers pass texts already in the reader's language; a {@link Problem} comes translated.
 */
public final class Notices {

    private Notices() {}

    public static void success(String message) {
        Notification notice = Notification.show(message, 4000, Notification.Position.TOP_CENTER);
        notice.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void problem(Problem problem) {
        Span title = new Span(problem.title());
        title.addClassName("notice-title");
        Div body = new Div(title, new Div(problem.detail()));
        body.addClassName("notice-problem");
        body.setTitle(body.getTranslation("errors.click-to-close"));
        Notification notice = new Notification(body);
        notice.setDuration(8000);
        notice.setPosition(Notification.Position.TOP_CENTER);
        notice.addThemeVariants(NotificationVariant.ERROR);
        body.addClickListener(click -> notice.close());
        notice.open();
    }
}

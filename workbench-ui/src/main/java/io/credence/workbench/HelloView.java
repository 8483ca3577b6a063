package io.credence.workbench;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route("")
@AnonymousAllowed
public class HelloView extends VerticalLayout {
    HelloView() {
        add(new H1("Credence"));
    }
}

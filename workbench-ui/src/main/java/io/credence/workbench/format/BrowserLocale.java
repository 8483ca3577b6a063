package io.credence.workbench.format;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives each session the locale of the browser that opened it. Without a translation provider,
 * Vaadin would use the server's default locale, and a reviewer in London would read amounts and
 * dates formatted for wherever the server runs.
 */
@Component
class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            if (init.getRequest().getLocale() != null)
                init.getSession().setLocale(init.getRequest().getLocale());
        });
    }
}

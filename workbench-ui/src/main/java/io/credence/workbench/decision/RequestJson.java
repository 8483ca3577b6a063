package io.credence.workbench.decision;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import io.credence.workbench.components.Badges;
import tools.jackson.databind.JsonNode;

/** The request as the loan system sent it, formatted; personal data masked unless the reader is an admin. */
class RequestJson extends Composite<Div> {

    RequestJson(JsonNode request, boolean masked) {
        if (request == null) {
            getContent().add(Evidence.muted(getTranslation("decisions.request.purged")));
            return;
        }
        if (masked) {
            getContent().add(Badges.neutral(getTranslation("decisions.request.masked")));
        }
        Pre json = new Pre(request.toPrettyString());
        json.addClassNames("json", "mono");
        json.setId("request-json");
        getContent().add(json);
    }
}

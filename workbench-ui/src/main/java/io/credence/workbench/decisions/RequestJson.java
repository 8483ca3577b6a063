package io.credence.workbench.decisions;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import io.credence.workbench.components.Badges;
import tools.jackson.databind.JsonNode;

/** The request as the loan system sent it, formatted; personal data masked unless the reader is an admin. */
class RequestJson extends Composite<Div> {

    RequestJson(JsonNode request, boolean masked) {
        if (request == null) {
            getContent().add(Evidence.muted("The request was purged under the retention policy."));
            return;
        }
        if (masked) {
            getContent().add(Badges.neutral("Personal data masked: only admins see it in full"));
        }
        Pre json = new Pre(request.toPrettyString());
        json.addClassNames("json", "mono");
        json.setId("request-json");
        getContent().add(json);
    }
}

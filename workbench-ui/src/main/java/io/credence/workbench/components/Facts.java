package io.credence.workbench.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Span;

/** Terms and their values, two columns: the way detail pages list what is known about a thing. */
public class Facts extends Composite<DescriptionList> {

    public Facts() {
        getContent().addClassName("facts");
    }

    public Facts add(String term, String value) {
        return add(term, new Span(value == null ? "—" : value));
    }

    public Facts add(String term, Component value) {
        getContent().add(new DescriptionList.Term(term), new DescriptionList.Description(value));
        return this;
    }
}

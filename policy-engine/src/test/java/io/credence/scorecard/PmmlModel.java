package io.credence.scorecard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a test needs to know of a PMML document to build rows and read results, read straight from
 * its XML rather than through the code under test: input fields, their types, the target and the
 * reason-code outputs.
 */
record PmmlModel(
        String text, List<String> inputs, Set<String> numericFields, String target, Set<String> reasonCodeOutputs) {

    private static final Set<String> NUMERIC_TYPES = Set.of("integer", "float", "double");

    static PmmlModel parse(String text) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            document =
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PMML document: " + e.getMessage(), e);
        }
        Set<String> numeric = new HashSet<>();
        for (Element field : elements(document, "DataField")) {
            if (NUMERIC_TYPES.contains(field.getAttribute("dataType"))) numeric.add(field.getAttribute("name"));
        }
        List<String> inputs = new ArrayList<>();
        String target = null;
        for (Element field : elements(document, "MiningField")) {
            String usage = field.getAttribute("usageType");
            if (usage.isEmpty() || usage.equals("active")) inputs.add(field.getAttribute("name"));
            if (usage.equals("target") || usage.equals("predicted")) target = field.getAttribute("name");
        }
        Set<String> reasonCodes = new HashSet<>();
        for (Element output : elements(document, "OutputField")) {
            if (output.getAttribute("feature").equals("reasonCode")) reasonCodes.add(output.getAttribute("name"));
        }
        return new PmmlModel(text, List.copyOf(inputs), Set.copyOf(numeric), target, Set.copyOf(reasonCodes));
    }

    boolean isNumeric(String field) {
        return numericFields.contains(field);
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) list.add((Element) nodes.item(i));
        return list;
    }
}

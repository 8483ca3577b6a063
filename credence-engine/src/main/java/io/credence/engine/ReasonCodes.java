package io.credence.engine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The reason codes a policy package can give, each with the artifacts that give it: the codes the
 * DRL consequences pass to {@code Decision.decline}, {@code refer} and {@code addReason}, the
 * scorecard's reason codes, and the engine's own {@code EN_} codes. Each one needs a message in every
 * language of the market's reasons.json, which is why a policy must write its codes out as text.
 */
public final class ReasonCodes {

    /** The source named for the engine's own codes. */
    public static final String ENGINE = "engine";

    /** Only for DRL the parser cannot read: good enough to list rows while an analyst is still typing. */
    private static final Pattern DRL_CALL =
            Pattern.compile("\\.\\s*(?:decline|refer|addReason)\\s*\\(\\s*\"([^\"\\\\]+)\"\\s*\\)");

    private static final Pattern DRL_COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern PMML_REASON = Pattern.compile("\\breasonCode\\s*=\\s*\"([^\"]+)\"");
    private static final XMLInputFactory XML = secureFactory();

    private ReasonCodes() {}

    /**
     * Code → the artifacts that can give it ({@value #ENGINE} for the engine's own), from artifact
     * texts by name. Tolerant of broken artifacts: it returns what it can find and never throws.
     */
    public static SortedMap<String, SortedSet<String>> bySource(Map<String, String> artifacts) {
        return scan(artifacts, new ArrayList<>());
    }

    /** Every code the artifacts can give, sorted. */
    public static SortedSet<String> of(Map<String, String> artifacts) {
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(bySource(artifacts).keySet()));
    }

    /** Scans the package; the sandbox's refusals of the DRL artifacts go to {@code sandboxErrors}. */
    static SortedMap<String, SortedSet<String>> scan(Map<String, String> artifacts, List<ArtifactError> sandboxErrors) {
        SortedMap<String, SortedSet<String>> codes = new TreeMap<>();
        for (String artifact : PolicySandbox.DRL_ARTIFACTS) {
            String drl = artifacts.get(artifact);
            if (drl == null || drl.isBlank()) continue;
            List<String> found = new ArrayList<>();
            boolean read = PolicySandbox.check(artifact, drl, sandboxErrors, found::add);
            if (!read) {
                found.clear();
                Matcher call = DRL_CALL.matcher(DRL_COMMENT.matcher(drl).replaceAll(" "));
                while (call.find()) found.add(call.group(1));
            }
            found.forEach(code -> add(codes, code, artifact));
        }
        for (Map.Entry<String, String> table : artifacts.entrySet()) {
            if (!DecisionTables.isTable(table.getKey()) || table.getValue() == null) continue;
            String name = table.getKey();
            String drl = DecisionTables.toDrl(name, table.getValue(), sandboxErrors);
            if (drl == null) continue;
            List<ArtifactError> refused = new ArrayList<>();
            List<String> found = new ArrayList<>();
            // Checked as its stage's DRL (its package must be the stage's); traced() names the table and cell.
            PolicySandbox.check(DecisionTables.stageOf(name) + ".drl", drl, refused, found::add);
            refused.forEach(e -> sandboxErrors.add(DecisionTables.traced(name, table.getValue(), drl, e)));
            found.forEach(code -> add(codes, code, name));
        }
        String pmml = artifacts.get(PolicyPackage.SCORECARD);
        if (pmml != null && !pmml.isBlank()) {
            scorecardCodes(pmml).forEach(code -> add(codes, code, PolicyPackage.SCORECARD));
        }
        modelReasonCodes(artifacts.get(PolicyPackage.SETTINGS))
                .forEach(code -> add(codes, code, PolicyPackage.SETTINGS));
        EngineReasons.codes().forEach(code -> add(codes, code, ENGINE));
        return codes;
    }

    /**
     * The codes market.json's {@code model.reasonCodes} gives the inputs of a risk model that has no
     * reason codes of its own. Tolerant: a market.json that does not read gives none.
     */
    static SortedSet<String> modelReasonCodes(String settings) {
        SortedSet<String> codes = new TreeSet<>();
        if (settings == null || settings.isBlank()) return codes;
        try {
            var reasons = JSON.readTree(settings).path("model").path("reasonCodes");
            if (reasons.isObject()) {
                for (var entry : reasons.properties()) {
                    if (entry.getValue().isString()
                            && !entry.getValue().asString().isBlank()) {
                        codes.add(entry.getValue().asString());
                    }
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            // market.json that does not parse is reported by its own parser; it names no codes meanwhile.
        }
        return codes;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** The reasonCode of every characteristic and attribute of a PMML scorecard. */
    static SortedSet<String> scorecardCodes(String pmml) {
        SortedSet<String> codes = new TreeSet<>();
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new StringReader(pmml));
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                    String element = xml.getLocalName();
                    if (!element.equals("Characteristic") && !element.equals("Attribute")) continue;
                    String code = xml.getAttributeValue(null, "reasonCode");
                    if (code != null && !code.isBlank()) codes.add(code);
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // A scorecard that is not well-formed XML fails to load and is reported as such; the rows an
            // analyst is shown meanwhile come from the attributes the text does have.
            Matcher reason = PMML_REASON.matcher(pmml);
            while (reason.find()) codes.add(reason.group(1));
        }
        return codes;
    }

    private static void add(SortedMap<String, SortedSet<String>> codes, String code, String source) {
        codes.computeIfAbsent(code, c -> new TreeSet<>()).add(source);
    }

    /** No DTDs and no external entities: a scorecard is uploaded text and must not reach the file system. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}

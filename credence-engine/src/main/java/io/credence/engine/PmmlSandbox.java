package io.credence.engine;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The PMML half of the policy sandbox: a model is code too (jpmml evaluates its expressions for
 * every decision), so before jpmml loads a document this reads it and refuses anything outside an
 * allow-list: elements other than the models, fields and expressions a risk model needs; functions
 * other than PMML's arithmetic, comparison, logic and bounded text built-ins; any Java function named
 * by class (jpmml loads and runs such classes); regular expressions (matches, replace: Java's engine
 * can take exponential time); and formatNumber / formatDatetime, whose pattern can ask for
 * gigabytes of padding. Both a version's scorecard.pmml and the evaluate endpoint load through
 * {@link #problems}.
 */
final class PmmlSandbox {

    /** Elements of the model types Credence serves and of their expressions. */
    private static final Set<String> ELEMENTS = Set.of(
            "PMML",
            "Header",
            "Application",
            "Annotation",
            "Timestamp",
            "Extension",
            "DataDictionary",
            "DataField",
            "Value",
            "Interval",
            "TransformationDictionary",
            "LocalTransformations",
            "DerivedField",
            "DefineFunction",
            "ParameterField",
            "Apply",
            "Constant",
            "FieldRef",
            "NormContinuous",
            "NormDiscrete",
            "LinearNorm",
            "Discretize",
            "DiscretizeBin",
            "MapValues",
            "FieldColumnPair",
            "InlineTable",
            "row",
            "MiningSchema",
            "MiningField",
            "Output",
            "OutputField",
            "Targets",
            "Target",
            "TargetValue",
            "ModelStats",
            "ModelExplanation",
            "ModelVerification",
            "VerificationFields",
            "VerificationField",
            "Scorecard",
            "Characteristics",
            "Characteristic",
            "Attribute",
            "ComplexPartialScore",
            "RegressionModel",
            "RegressionTable",
            "NumericPredictor",
            "CategoricalPredictor",
            "PredictorTerm",
            "TreeModel",
            "Node",
            "ScoreDistribution",
            "MiningModel",
            "Segmentation",
            "Segment",
            "SimplePredicate",
            "CompoundPredicate",
            "SimpleSetPredicate",
            "Array",
            "True",
            "False",
            "UnivariateStats",
            "Counts",
            "NumericInfo",
            "Quantile",
            "DiscrStats",
            "ContStats",
            "GeneralRegressionModel",
            "ParameterList",
            "Parameter",
            "FactorList",
            "CovariateList",
            "Predictor",
            "Categories",
            "Category",
            "PPMatrix",
            "PPCell",
            "ParamMatrix",
            "PCell",
            "EventValues",
            "NeuralNetwork",
            "NeuralInputs",
            "NeuralInput",
            "NeuralLayer",
            "Neuron",
            "Con",
            "NeuralOutputs",
            "NeuralOutput",
            "Partition",
            "PartitionFieldStats",
            "Decisions",
            "Decision");

    /** PMML built-in functions that are pure and bounded by their arguments. */
    private static final Set<String> FUNCTIONS = Set.of(
            "+",
            "-",
            "*",
            "/",
            "min",
            "max",
            "sum",
            "avg",
            "median",
            "product",
            "log10",
            "ln",
            "sqrt",
            "abs",
            "exp",
            "pow",
            "threshold",
            "floor",
            "ceil",
            "round",
            "modulo",
            "isMissing",
            "isNotMissing",
            "isValid",
            "isNotValid",
            "equal",
            "notEqual",
            "lessThan",
            "lessOrEqual",
            "greaterThan",
            "greaterOrEqual",
            "isIn",
            "isNotIn",
            "and",
            "or",
            "not",
            "if",
            "uppercase",
            "lowercase",
            "substring",
            "trimBlanks",
            "stringLength",
            "expm1",
            "ln1p",
            "rint",
            "hypot",
            "sin",
            "cos",
            "tan",
            "asin",
            "acos",
            "atan",
            "atan2",
            "sinh",
            "cosh",
            "tanh",
            "erf",
            "normalCDF",
            "normalPDF",
            "stdNormalCDF",
            "stdNormalPDF",
            "stdNormalIDF",
            "normalIDF");

    /** What the refusals say for the functions that are refused for a reason of their own. */
    private static final Set<String> REGEX = Set.of("matches", "replace");

    private static final Set<String> FORMAT = Set.of("formatNumber", "formatDatetime", "concat");
    /** Deeper than any real model nests; deep enough to overflow the evaluator's stack is not. */
    private static final int MAX_DEPTH = 100;

    /** Whether the element just opened (the top of {@code open}) is a cell of an InlineTable's row. */
    private static boolean inTableRow(Deque<String> open) {
        var elements = open.iterator();
        elements.next();
        return elements.hasNext() && elements.next().equals("row");
    }

    private PmmlSandbox() {}

    /** Everything the sandbox refuses in a PMML document; empty when jpmml may load it. */
    static List<String> problems(String pmml) {
        Set<String> problems = new LinkedHashSet<>();
        if (pmml == null) return List.of();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> defined = new HashSet<>();
        List<String[]> applies = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        int skipping = 0;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(pmml));
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) problems.add("declares a DTD, which models may not");
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        open.pop();
                        if (skipping > 0) skipping--;
                        continue;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) continue;
                    String name = xml.getLocalName();
                    open.push(name);
                    if (skipping > 0) {
                        // An Extension's content is for other tools; jpmml reads none of it as a model.
                        skipping++;
                        continue;
                    }
                    if (open.size() > MAX_DEPTH) {
                        problems.add("nests elements more than " + MAX_DEPTH + " deep");
                        break;
                    }
                    int line = xml.getLocation().getLineNumber();
                    if (inTableRow(open)) {
                        // A table row's cells are named after the table's columns (<Age>, <probability_1>…):
                        // data, not model elements, so any name goes and nothing inside them is a model.
                        skipping = 1;
                        continue;
                    }
                    if (!ELEMENTS.contains(name)) {
                        problems.add("line " + line + ": uses the element <" + name + ">, which models may not use; a"
                                + " model may use scorecards, regressions, trees and ensembles of them, with PMML's"
                                + " built-in expressions");
                    } else if (name.equals("Extension")) {
                        skipping = 1;
                    } else if (name.equals("DefineFunction")) {
                        String function = xml.getAttributeValue(null, "name");
                        if (function != null) defined.add(function);
                    } else if (name.equals("Apply")) {
                        applies.add(new String[] {xml.getAttributeValue(null, "function"), String.valueOf(line)});
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // The JDK's own limits (element depth, entity expansion) stop a hostile document first.
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("depth") || message.contains("limit")) {
                problems.add("nests elements more than " + MAX_DEPTH + " deep, or is larger than a model can be");
            }
            // Otherwise it is not well-formed: jpmml's own reading reports where, in words analysts already see.
            return List.copyOf(problems);
        }
        for (String[] apply : applies) {
            String function = apply[0] == null ? "" : apply[0];
            String problem = functionProblem(function, defined);
            if (problem != null) problems.add("line " + apply[1] + ": " + problem);
        }
        return List.copyOf(problems);
    }

    private static String functionProblem(String function, Set<String> defined) {
        if (FUNCTIONS.contains(function)) return null;
        // jpmml's own spellings of functions PMML added later, e.g. x-expm1.
        if (function.startsWith("x-") && FUNCTIONS.contains(function.substring(2))) return null;
        if (REGEX.contains(function)) {
            return "applies the function " + function + ": it runs a regular expression, and Java's can take"
                    + " exponential time on an applicant's input";
        }
        if (FORMAT.contains(function)) {
            return "applies the function " + function + ": its output has no size limit (a pattern can ask for"
                    + " gigabytes), so models may not use it";
        }
        if (function.contains(".")) {
            return "applies the Java function " + function + ": a model may not name a class to run";
        }
        if (defined.contains(function)) return null;
        return "applies the function '" + function + "', which is not one of PMML's built-ins a model may use";
    }
}

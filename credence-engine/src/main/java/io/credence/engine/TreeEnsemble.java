package io.credence.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.False;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.Model;
import org.dmg.pmml.Output;
import org.dmg.pmml.OutputField;
import org.dmg.pmml.Predicate;
import org.dmg.pmml.ResultFeature;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.SimpleSetPredicate;
import org.dmg.pmml.True;
import org.dmg.pmml.mining.MiningModel;
import org.dmg.pmml.mining.Segment;
import org.dmg.pmml.mining.Segmentation;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;
import org.dmg.pmml.tree.Node;
import org.dmg.pmml.tree.TreeModel;
import org.jpmml.evaluator.ArrayUtil;
import org.jpmml.evaluator.FieldValue;

/**
 * An additive tree ensemble (gradient boosting as LightGBM, XGBoost and scikit-learn export it) read
 * once into arrays, so that a decision's model reasons need no extra evaluation of the whole model.
 *
 * <p>The model is a sum of regression trees, optionally rescaled (PMML Targets), followed by a link:
 * for a classifier, the second segment of a model chain (a RegressionModel over the sum, normalised
 * by {@code logit} or not at all, possibly through a sigmoid written as an Output expression); for a
 * regression, the sum itself. Changing one input changes only the leaves of the trees that split on
 * it, so the risk with one input at its reference value is the applicant's sum with those trees'
 * leaves swapped, through the same link: one walk of a few trees instead of a full evaluation.
 *
 * <p>{@link #of} returns null for anything it does not read exactly (other predicates, transformations
 * other than a plain field reference, missing-value replacements inside segments, other links), and
 * {@link #walk} returns null for a row it cannot walk (a missing value, a node with no score):
 * the caller then takes the exact path, evaluating the model once per input.
 */
final class TreeEnsemble {

    private static final byte TRUE = 0, FALSE = 1, LT = 2, LE = 3, GT = 4, GE = 5, EQ = 6, NE = 7, IN = 8, NOT_IN = 9;

    private final Tree[] trees;
    /** Per model input, how a tree reads it: as a double, a float, or text. */
    private final Kind[] kinds;

    private final double rescaleFactor;
    private final double rescaleConstant;
    private final Link link;

    private enum Kind {
        UNUSED,
        DOUBLE,
        FLOAT,
        TEXT
    }

    private TreeEnsemble(Tree[] trees, Kind[] kinds, double factor, double constant, Link link) {
        this.trees = trees;
        this.kinds = kinds;
        this.rescaleFactor = factor;
        this.rescaleConstant = constant;
        this.link = link;
    }

    /**
     * The ensemble inside {@code model}, or null when the model is not one this class reads exactly.
     * {@code positiveClass} is a classifier's bad class (null for a regression, whose risk is minus its value).
     */
    static TreeEnsemble of(Scorecard model, String positiveClass) {
        try {
            return read(model, positiveClass);
        } catch (Unsupported | RuntimeException e) {
            // Anything unexpected in the document only means the exact path serves.
            return null;
        }
    }

    /**
     * Prepares one applicant's walk: {@code prepared} holds each input's value as the model's input
     * field prepared it (jpmml's FieldValue), by input index. Null when a value is missing or of a kind
     * the trees do not read, so the exact path must serve.
     */
    Walk walk(Object[] prepared) {
        double[] numbers = new double[kinds.length];
        String[] texts = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Kind.UNUSED) continue;
            if (!(prepared[i] instanceof FieldValue value) || !store(kinds[i], value, i, numbers, texts)) return null;
        }
        double[] leaves = new double[trees.length];
        // Per input, each predicate on it that the walk tested: its tree, and its node (~node when it held).
        int[][] testedTree = new int[kinds.length][];
        int[][] testedNode = new int[kinds.length][];
        int[] tested = new int[kinds.length];
        for (int t = 0; t < trees.length; t++) {
            Tree tree = trees[t];
            int node = 0;
            double leaf;
            // Tree.leaf's walk, keeping what it tested.
            while (true) {
                int next = -1;
                int last = tree.firstChild[node] + tree.childCount[node];
                for (int c = tree.firstChild[node]; c < last; c++) {
                    boolean holds = tree.test(c, numbers, texts);
                    if (tree.ops[c] > FALSE) {
                        int input = tree.fields[c];
                        int n = tested[input]++;
                        if (testedTree[input] == null) {
                            testedTree[input] = new int[16];
                            testedNode[input] = new int[16];
                        } else if (n == testedTree[input].length) {
                            testedTree[input] = Arrays.copyOf(testedTree[input], n * 2);
                            testedNode[input] = Arrays.copyOf(testedNode[input], n * 2);
                        }
                        testedTree[input][n] = t;
                        testedNode[input][n] = holds ? ~c : c;
                    }
                    if (holds) {
                        next = c;
                        break;
                    }
                }
                if (next < 0) {
                    leaf = tree.childCount[node] == 0 || tree.lastPrediction ? tree.scores[node] : Double.NaN;
                    break;
                }
                node = next;
            }
            if (Double.isNaN(leaf)) return null;
            leaves[t] = leaf;
        }
        return new Walk(numbers, texts, leaves, testedTree, testedNode, tested);
    }

    private static boolean store(Kind kind, FieldValue value, int i, double[] numbers, String[] texts) {
        Object raw = value.getValue();
        switch (kind) {
            case TEXT -> {
                if (!(raw instanceof String s)) return false;
                texts[i] = s;
            }
            case DOUBLE -> {
                if (!(raw instanceof Double || raw instanceof Float || raw instanceof Integer)) return false;
                numbers[i] = ((Number) raw).doubleValue();
            }
            case FLOAT -> {
                if (!(raw instanceof Double || raw instanceof Float || raw instanceof Integer)) return false;
                numbers[i] = ((Number) raw).floatValue();
            }
            default -> {}
        }
        return true;
    }

    /** One applicant's values and the leaf each tree sends them to. */
    final class Walk {
        private final double[] numbers;
        private final String[] texts;
        private final double[] leaves;
        /**
         * Per input, the predicates on it that the applicant's walk tested (tree, and node or ~node when it
         * held), in tree order. A tree whose tested predicates on an input all come out the same with
         * the input changed takes the same way to the same leaf; only the others are walked again.
         */
        private final int[][] testedTree;

        private final int[][] testedNode;
        private final int[] tested;

        private Walk(
                double[] numbers,
                String[] texts,
                double[] leaves,
                int[][] testedTree,
                int[][] testedNode,
                int[] tested) {
            this.numbers = numbers;
            this.texts = texts;
            this.leaves = leaves;
            this.testedTree = testedTree;
            this.testedNode = testedNode;
            this.tested = tested;
        }

        /** The applicant's risk as this ensemble computes it (to check against jpmml's). */
        double risk() {
            return link.risk(margin(leaves));
        }

        /**
         * The risk with input {@code input} set to the prepared {@code reference}, re-walking only the
         * trees where a predicate on it that the applicant's walk tested comes out the other way;
         * exactly {@link #risk()} when every tree ends in the same leaf.
         * NaN when the reference cannot be walked.
         */
        double riskWith(int input, Object reference) {
            if (!(reference instanceof FieldValue value)) return Double.NaN;
            double ownNumber = numbers[input];
            String ownText = texts[input];
            if (kinds[input] != Kind.UNUSED && !store(kinds[input], value, input, numbers, texts)) return Double.NaN;
            double[] changed = null;
            try {
                int walked = -1;
                for (int k = 0; k < tested[input]; k++) {
                    int t = testedTree[input][k];
                    if (t == walked) continue;
                    int entry = testedNode[input][k];
                    int node = entry < 0 ? ~entry : entry;
                    if (trees[t].test(node, numbers, texts) == (entry < 0)) continue;
                    walked = t;
                    double leaf = trees[t].leaf(numbers, texts);
                    if (Double.isNaN(leaf)) return Double.NaN;
                    if (Double.doubleToLongBits(leaf) != Double.doubleToLongBits(leaves[t])) {
                        if (changed == null) changed = leaves.clone();
                        changed[t] = leaf;
                    }
                }
            } finally {
                numbers[input] = ownNumber;
                texts[input] = ownText;
            }
            return link.risk(margin(changed == null ? leaves : changed));
        }
    }

    /** The trees' sum in segment order, rescaled as the Targets say, as jpmml adds them. */
    private double margin(double[] leaves) {
        double sum = 0;
        for (double leaf : leaves) sum += leaf;
        return sum * rescaleFactor + rescaleConstant;
    }

    // ---------------------------------------------------------------- reading the PMML

    private static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private static TreeEnsemble read(Scorecard scorecard, String positiveClass) throws Unsupported {
        if (!(scorecard.model() instanceof MiningModel top)) throw new Unsupported("not a MiningModel");
        noExtras(top);
        if (top.getMathContext() != org.dmg.pmml.MathContext.DOUBLE) throw new Unsupported("float arithmetic");
        List<String> inputs = scorecard.inputNames();
        Map<String, DataType> types = new HashMap<>();
        for (var field : scorecard.inputFields()) types.put(field.getName(), field.getDataType());
        Segmentation segmentation = top.requireSegmentation();
        MiningModel sum;
        Link link;
        if (top.requireMiningFunction() == MiningFunction.REGRESSION && positiveClass == null) {
            sum = top;
            link = margin -> -margin;
        } else if (top.requireMiningFunction() == MiningFunction.CLASSIFICATION
                && positiveClass != null
                && segmentation.requireMultipleModelMethod() == Segmentation.MultipleModelMethod.MODEL_CHAIN
                && segmentation.getSegments().size() == 2) {
            Segment first = segmentation.getSegments().get(0);
            Segment second = segmentation.getSegments().get(1);
            if (!(first.requirePredicate() instanceof True) || !(second.requirePredicate() instanceof True))
                throw new Unsupported("conditional segment");
            if (!(first.requireModel() instanceof MiningModel inner)
                    || inner.requireMiningFunction() != MiningFunction.REGRESSION)
                throw new Unsupported("first segment not a regression MiningModel");
            if (!(second.requireModel() instanceof RegressionModel regression))
                throw new Unsupported("second segment not a RegressionModel");
            if (top.getTargets() != null || inner.getMathContext() != org.dmg.pmml.MathContext.DOUBLE)
                throw new Unsupported("targets or float arithmetic in the chain");
            sum = inner;
            link = classifierLink(inner.getOutput(), regression, positiveClass);
        } else {
            throw new Unsupported("neither a sum nor a model chain");
        }
        Segmentation trees = sum.requireSegmentation();
        if (trees.requireMultipleModelMethod() != Segmentation.MultipleModelMethod.SUM)
            throw new Unsupported("not a sum");
        if (sum != top) plainSchema(sum);
        double factor = 1, constant = 0;
        if (sum.getTargets() != null) {
            var targets = sum.getTargets().getTargets();
            if (targets.size() != 1) throw new Unsupported("several targets");
            var target = targets.get(0);
            if (target.getMin() != null
                    || target.getMax() != null
                    || target.getCastInteger() != null
                    || target.hasTargetValues()) throw new Unsupported("target other than a rescale");
            factor = target.getRescaleFactor().doubleValue();
            constant = target.getRescaleConstant().doubleValue();
        }
        // Names a tree may split on: the inputs, and derived fields that only re-type one input.
        Map<String, Integer> index = new HashMap<>();
        Map<String, DataType> readAs = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            index.put(inputs.get(i), i);
            readAs.put(inputs.get(i), types.get(inputs.get(i)));
        }
        if (sum.getLocalTransformations() != null) {
            for (DerivedField derived : sum.getLocalTransformations().getDerivedFields()) {
                if (!(derived.requireExpression() instanceof FieldRef ref) || ref.getMapMissingTo() != null)
                    throw new Unsupported("derived field other than a field reference");
                Integer source = index.get(ref.requireField());
                if (source == null || !retypes(readAs.get(ref.requireField()), derived.requireDataType()))
                    throw new Unsupported("derived field of an unknown field or type");
                index.put(derived.requireName(), source);
                readAs.put(derived.requireName(), derived.requireDataType());
            }
        }
        Kind[] kinds = new Kind[inputs.size()];
        Arrays.fill(kinds, Kind.UNUSED);
        List<Tree> read = new ArrayList<>();
        for (Segment segment : trees.getSegments()) {
            if (!(segment.requirePredicate() instanceof True)) throw new Unsupported("conditional tree");
            if (!(segment.requireModel() instanceof TreeModel tree)) throw new Unsupported("not a tree");
            read.add(Tree.read(tree, index, readAs, kinds));
        }
        if (read.isEmpty()) throw new Unsupported("no trees");
        return new TreeEnsemble(read.toArray(Tree[]::new), kinds, factor, constant, link);
    }

    /**
     * A derived field that only re-types a number as a double or a float (XGBoost's {@code float(x)}),
     * which the walk reproduces by storing the input as the tree reads it; or one of the same type.
     */
    private static boolean retypes(DataType from, DataType to) {
        boolean number = from == DataType.DOUBLE || from == DataType.FLOAT || from == DataType.INTEGER;
        if (to == DataType.DOUBLE || to == DataType.FLOAT) return number;
        return to == from && to != null;
    }

    private static void noExtras(Model model) throws Unsupported {
        if (model.getLocalTransformations() != null
                && model.getLocalTransformations().hasDerivedFields()
                && !(model instanceof MiningModel))
            throw new Unsupported("local transformations in " + model.getClass().getSimpleName());
        if (model instanceof MiningModel mining
                && mining.getLocalTransformations() != null
                && mining.getLocalTransformations().hasDerivedFields()
                && mining.requireSegmentation().requireMultipleModelMethod()
                        == Segmentation.MultipleModelMethod.MODEL_CHAIN)
            throw new Unsupported("transformations before the chain");
        if (model.getTargets() != null && !(model instanceof MiningModel)) throw new Unsupported("targets");
    }

    /** A segment's MiningSchema may only name fields: a replacement or treatment there would change values. */
    private static void plainSchema(Model model) throws Unsupported {
        for (MiningField field : model.requireMiningSchema().getMiningFields()) {
            if (field.getMissingValueReplacement() != null
                    || field.getMissingValueTreatment() != null
                    || field.getInvalidValueTreatment() != org.dmg.pmml.InvalidValueTreatmentMethod.RETURN_INVALID
                    || field.getInvalidValueReplacement() != null
                    || field.getLowValue() != null
                    || field.getHighValue() != null
                    || field.getOutlierTreatment() != org.dmg.pmml.OutlierTreatmentMethod.AS_IS)
                throw new Unsupported("mining field " + field.requireName() + " changes values");
        }
    }

    /** How the sum becomes the bad class's probability. */
    private interface Link {
        double risk(double margin);
    }

    /**
     * The chain's second segment: a RegressionModel whose two tables each read at most the sum's
     * output fields linearly, normalised by logit (the first table's class gets 1/(1+e^-y), the other the
     * rest) or not at all (the first gets y). The output fields are the sum itself or an expression of
     * + - * / exp over it and constants (scikit-learn's written-out sigmoid).
     */
    private static Link classifierLink(Output output, RegressionModel regression, String positiveClass)
            throws Unsupported {
        if (regression.requireMiningFunction() != MiningFunction.CLASSIFICATION)
            throw new Unsupported("second segment not a classifier");
        if (regression.getLocalTransformations() != null
                && regression.getLocalTransformations().hasDerivedFields())
            throw new Unsupported("transformations in the link");
        plainSchemaExceptTarget(regression);
        RegressionModel.NormalizationMethod normalization = regression.getNormalizationMethod();
        boolean logit = normalization == RegressionModel.NormalizationMethod.LOGIT;
        if (!logit && normalization != RegressionModel.NormalizationMethod.NONE)
            throw new Unsupported("normalisation " + normalization);
        List<RegressionTable> tables = regression.requireRegressionTables();
        if (tables.size() != 2) throw new Unsupported("not two classes");
        Map<String, Expr> outputs = new HashMap<>();
        if (output != null) {
            for (OutputField field : output.getOutputFields()) {
                ResultFeature feature = field.getResultFeature();
                if (feature == ResultFeature.PREDICTED_VALUE && field.getExpression() == null) {
                    outputs.put(field.requireName(), margin -> margin);
                } else if (feature == ResultFeature.TRANSFORMED_VALUE && field.getExpression() != null) {
                    outputs.put(field.requireName(), expression(field.getExpression(), outputs));
                } else {
                    throw new Unsupported("output field " + field.requireName());
                }
            }
        }
        Expr first = table(tables.get(0), outputs);
        String firstClass = String.valueOf(tables.get(0).requireTargetCategory());
        String secondClass = String.valueOf(tables.get(1).requireTargetCategory());
        if (!positiveClass.equals(firstClass) && !positiveClass.equals(secondClass))
            throw new Unsupported("no table for the positive class");
        boolean positiveFirst = positiveClass.equals(firstClass);
        return margin -> {
            double y = first.apply(margin);
            double p = logit ? 1d / (1d + Math.exp(-y)) : y;
            return positiveFirst ? p : 1d - p;
        };
    }

    private static void plainSchemaExceptTarget(RegressionModel regression) throws Unsupported {
        for (MiningField field : regression.requireMiningSchema().getMiningFields()) {
            if (field.getUsageType() == MiningField.UsageType.TARGET) continue;
            if (field.getMissingValueReplacement() != null || field.getMissingValueTreatment() != null)
                throw new Unsupported("mining field in the link changes values");
        }
    }

    private interface Expr {
        double apply(double margin);
    }

    private static Expr table(RegressionTable table, Map<String, Expr> outputs) throws Unsupported {
        if (table.hasCategoricalPredictors() || table.hasPredictorTerms())
            throw new Unsupported("link table reads more than the sum");
        double intercept = table.getIntercept().doubleValue();
        List<Expr> terms = new ArrayList<>();
        for (NumericPredictor predictor : table.getNumericPredictors()) {
            Expr of = outputs.get(predictor.requireField());
            if (of == null || predictor.getExponent().intValue() != 1)
                throw new Unsupported("link reads " + predictor.requireField());
            double coefficient = predictor.requireCoefficient().doubleValue();
            terms.add(margin -> coefficient * of.apply(margin));
        }
        return margin -> {
            double y = intercept;
            for (Expr term : terms) y += term.apply(margin);
            return y;
        };
    }

    private static Expr expression(Expression expression, Map<String, Expr> outputs) throws Unsupported {
        if (expression instanceof Constant constant) {
            if (constant.getValue() == null) throw new Unsupported("empty constant");
            double value = Double.parseDouble(String.valueOf(constant.getValue()));
            return margin -> value;
        }
        if (expression instanceof FieldRef ref) {
            Expr of = outputs.get(ref.requireField());
            if (of == null) throw new Unsupported("reference to " + ref.requireField());
            return of;
        }
        if (expression instanceof Apply apply) {
            if (apply.getMapMissingTo() != null || apply.getDefaultValue() != null)
                throw new Unsupported("apply with defaults");
            List<Expr> args = new ArrayList<>();
            for (Expression argument : apply.getExpressions()) args.add(expression(argument, outputs));
            String function = apply.requireFunction();
            if (function.equals("exp") && args.size() == 1) {
                Expr a = args.get(0);
                return margin -> Math.exp(a.apply(margin));
            }
            if (args.size() != 2) throw new Unsupported("function " + function);
            Expr a = args.get(0), b = args.get(1);
            return switch (function) {
                case "+" -> margin -> a.apply(margin) + b.apply(margin);
                case "-" -> margin -> a.apply(margin) - b.apply(margin);
                case "*" -> margin -> a.apply(margin) * b.apply(margin);
                case "/" -> margin -> a.apply(margin) / b.apply(margin);
                default -> throw new Unsupported("function " + function);
            };
        }
        throw new Unsupported("expression " + expression.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- one tree as arrays

    /**
     * A regression tree in arrays: per node its predicate (operator, input, number or text set), its
     * children's range in {@code children}, and its score. Walked with every value present, where a
     * missing-value strategy never applies; a node with no true child returns its own score
     * (returnLastPrediction) or NaN, meaning "take the exact path" (returnNullPrediction).
     */
    private record Tree(
            byte[] ops,
            int[] fields,
            double[] thresholds,
            String[] texts,
            Set<String>[] sets,
            int[] firstChild,
            int[] childCount,
            double[] scores,
            boolean lastPrediction) {

        /** The leaf's score for these values; NaN when no child holds and the tree returns no prediction then. */
        double leaf(double[] numbers, String[] values) {
            int node = 0;
            while (true) {
                int next = -1;
                int end = firstChild[node] + childCount[node];
                for (int c = firstChild[node]; c < end; c++) {
                    if (test(c, numbers, values)) {
                        next = c;
                        break;
                    }
                }
                if (next < 0) return childCount[node] == 0 || lastPrediction ? scores[node] : Double.NaN;
                node = next;
            }
        }

        private boolean test(int node, double[] numbers, String[] values) {
            // The two comparisons gradient boosting writes (scikit-learn <=, LightGBM >) first, in a method
            // small enough to inline; the rest in another.
            byte op = ops[node];
            if (op == LE) return numbers[fields[node]] <= thresholds[node];
            if (op == GT) return numbers[fields[node]] > thresholds[node];
            return otherTest(node, op, numbers, values);
        }

        private boolean otherTest(int node, byte op, double[] numbers, String[] values) {
            int f = fields[node];
            return switch (op) {
                case TRUE -> true;
                case FALSE -> false;
                case LT -> numbers[f] < thresholds[node];
                case LE -> numbers[f] <= thresholds[node];
                case GT -> numbers[f] > thresholds[node];
                case GE -> numbers[f] >= thresholds[node];
                case EQ -> texts[node] != null ? texts[node].equals(values[f]) : numbers[f] == thresholds[node];
                case NE -> texts[node] != null ? !texts[node].equals(values[f]) : numbers[f] != thresholds[node];
                case IN -> sets[node].contains(values[f]);
                case NOT_IN -> !sets[node].contains(values[f]);
                default -> throw new IllegalStateException("operator " + ops[node]);
            };
        }

        @SuppressWarnings("unchecked")
        static Tree read(TreeModel model, Map<String, Integer> index, Map<String, DataType> readAs, Kind[] kinds)
                throws Unsupported {
            if (model.requireMiningFunction() != MiningFunction.REGRESSION)
                throw new Unsupported("tree not regression");
            if (model.getLocalTransformations() != null
                    && model.getLocalTransformations().hasDerivedFields())
                throw new Unsupported("tree transformations");
            if (model.getTargets() != null || model.getOutput() != null) throw new Unsupported("tree targets/output");
            plainSchema(model);
            TreeModel.NoTrueChildStrategy noTrueChild = model.getNoTrueChildStrategy();
            // Breadth-first, so each node's children are contiguous.
            List<Node> nodes = new ArrayList<>();
            Node root = model.requireNode();
            if (!(root.requirePredicate() instanceof True)) throw new Unsupported("root predicate");
            nodes.add(root);
            int n = countNodes(root);
            byte[] ops = new byte[n];
            int[] fields = new int[n];
            double[] thresholds = new double[n];
            String[] texts = new String[n];
            Set<String>[] sets = new Set[n];
            int[] firstChild = new int[n];
            int[] childCount = new int[n];
            double[] scores = new double[n];
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                if (node.getEmbeddedModel() != null || node.getPartition() != null)
                    throw new Unsupported("embedded model");
                predicate(node.requirePredicate(), i, ops, fields, thresholds, texts, sets, index, readAs, kinds);
                Object score = node.getScore();
                scores[i] = score == null ? Double.NaN : Double.parseDouble(String.valueOf(score));
                firstChild[i] = nodes.size();
                if (node.hasNodes()) {
                    childCount[i] = node.getNodes().size();
                    nodes.addAll(node.getNodes());
                } else if (score == null) {
                    throw new Unsupported("leaf without a score");
                }
            }
            return new Tree(
                    ops,
                    fields,
                    thresholds,
                    texts,
                    sets,
                    firstChild,
                    childCount,
                    scores,
                    noTrueChild == TreeModel.NoTrueChildStrategy.RETURN_LAST_PREDICTION);
        }

        private static int countNodes(Node node) {
            int n = 1;
            if (node.hasNodes()) for (Node child : node.getNodes()) n += countNodes(child);
            return n;
        }

        private static void predicate(
                Predicate predicate,
                int i,
                byte[] ops,
                int[] fields,
                double[] thresholds,
                String[] texts,
                Set<String>[] sets,
                Map<String, Integer> index,
                Map<String, DataType> readAs,
                Kind[] kinds)
                throws Unsupported {
            if (predicate instanceof True) {
                ops[i] = TRUE;
                return;
            }
            if (predicate instanceof False) {
                ops[i] = FALSE;
                return;
            }
            if (predicate instanceof SimplePredicate simple) {
                String field = simple.requireField();
                Integer input = index.get(field);
                if (input == null) throw new Unsupported("split on " + field);
                DataType type = readAs.get(field);
                Kind kind = kind(type);
                SimplePredicate.Operator operator = simple.requireOperator();
                // Marked as read even by the two tests below, so that a walk requires the value present.
                use(kinds, input, kind);
                // With every value present these two are constants.
                if (operator == SimplePredicate.Operator.IS_MISSING) {
                    ops[i] = FALSE;
                    return;
                }
                if (operator == SimplePredicate.Operator.IS_NOT_MISSING) {
                    ops[i] = TRUE;
                    return;
                }
                fields[i] = input;
                String value = String.valueOf(simple.requireValue());
                if (kind == Kind.TEXT) {
                    ops[i] = switch (operator) {
                        case EQUAL -> EQ;
                        case NOT_EQUAL -> NE;
                        default -> throw new Unsupported("ordering text");
                    };
                    texts[i] = value;
                    return;
                }
                thresholds[i] = kind == Kind.FLOAT ? (double) Float.parseFloat(value) : Double.parseDouble(value);
                ops[i] = switch (operator) {
                    case LESS_THAN -> LT;
                    case LESS_OR_EQUAL -> LE;
                    case GREATER_THAN -> GT;
                    case GREATER_OR_EQUAL -> GE;
                    case EQUAL -> EQ;
                    case NOT_EQUAL -> NE;
                    default -> throw new Unsupported("operator " + operator);
                };
                return;
            }
            if (predicate instanceof SimpleSetPredicate set) {
                String field = set.requireField();
                Integer input = index.get(field);
                if (input == null || kind(readAs.get(field)) != Kind.TEXT) throw new Unsupported("set on " + field);
                use(kinds, input, Kind.TEXT);
                fields[i] = input;
                Set<String> values = new HashSet<>();
                for (Object value : ArrayUtil.getContent(set.requireArray())) values.add(String.valueOf(value));
                sets[i] = values;
                ops[i] = set.requireBooleanOperator() == SimpleSetPredicate.BooleanOperator.IS_IN ? IN : NOT_IN;
                return;
            }
            throw new Unsupported("predicate " + predicate.getClass().getSimpleName());
        }

        private static Kind kind(DataType type) throws Unsupported {
            if (type == null) throw new Unsupported("untyped field");
            return switch (type) {
                case DOUBLE, INTEGER -> Kind.DOUBLE;
                case FLOAT -> Kind.FLOAT;
                case STRING -> Kind.TEXT;
                default -> throw new Unsupported("type " + type);
            };
        }

        /** One input read two ways (as a float by one tree, a double by another) is not supported. */
        private static void use(Kind[] kinds, int input, Kind kind) throws Unsupported {
            if (kinds[input] != Kind.UNUSED && kinds[input] != kind) throw new Unsupported("input read two ways");
            kinds[input] = kind;
        }
    }
}

package io.credence.engine;

import io.credence.vocabulary.Score;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dmg.pmml.NumericInfo;
import org.dmg.pmml.OpType;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.UnivariateStats;
import org.dmg.pmml.VisitorAction;
import org.jpmml.evaluator.InputField;
import org.jpmml.model.visitors.AbstractVisitor;

/**
 * A market's PMML model bound to market.json's {@code model} section: which vocabulary value feeds
 * each input, how a classifier's probability becomes {@code Score.value}, and which inputs count
 * against an applicant when the model gives no reason codes of its own.
 *
 * <p>Reasons for such a model: each input named in {@code model.reasonCodes} has a reference value,
 * chosen when the version is compiled as the candidate value with the lowest risk averaged over the
 * probe applications (a partial-dependence minimum). A decision evaluates the model once more per such
 * input with the applicant's value replaced by the reference; the inputs whose replacement lowers the
 * risk most are the reasons, worst first. An additive tree ensemble (a GBM) gives the same reasons
 * without those evaluations: {@link TreeEnsemble} walks again only the trees the input can change.
 */
final class RiskModel {

    /** At most this many model reasons per decision, as an adverse-action notice lists the main ones. */
    static final int MAX_REASONS = 4;
    /** Candidate reference values tried per input at compile time; more are thinned out evenly. */
    static final int MAX_CANDIDATES = 48;

    private final Scorecard model;
    private final RiskModelSettings settings;
    private final List<String> inputs;
    /** How each input, in the model's order, is fed from the vocabulary. */
    private final List<RiskModelSettings.Input> feeds;
    /** Inputs that give a reason, each with its reference value; empty when the model has reason codes of its own. */
    private final Map<String, Object> references = new LinkedHashMap<>();
    /** The same references prepared once, as the model reads them, by input index. */
    private final Map<Integer, Object> preparedReferences = new LinkedHashMap<>();
    /** A tree model's split points per numeric input read only through splits; empty for other models. */
    private final Map<String, TreeSet<Double>> splits;
    /** An additive tree ensemble read into arrays, whose reasons need no extra evaluation; null for other models. */
    private final TreeEnsemble ensemble;

    private RiskModel(Scorecard model, RiskModelSettings settings) {
        this.model = model;
        this.settings = settings;
        this.inputs = model.inputNames();
        this.feeds = inputs.stream().map(settings::input).toList();
        boolean reasonsByReference =
                !model.hasReasonCodes() && !settings.reasonCodes().isEmpty();
        this.splits = reasonsByReference ? splitPoints(model) : Map.of();
        this.ensemble = reasonsByReference
                ? TreeEnsemble.of(model, model.isClassifier() ? settings.positiveClass() : null)
                : null;
    }

    /**
     * Binds a loaded model to market.json's {@code model} section, adding an error (naming
     * scorecard.pmml) for every reason the pair cannot serve.
     */
    static RiskModel bind(Scorecard model, RiskModelSettings settings, List<ArtifactError> errors) {
        String classes =
                model.classes().stream().map(c -> "\"" + c + "\"").toList().toString();
        if (model.isClassifier()) {
            if (settings.positiveClass() == null) {
                errors.add(scorecardError("is a classifier (" + model.modelType() + ", classes " + classes + "), so"
                        + " market.json must say which class means bad: add \"model\": {\"positiveClass\": \"…\"}"));
            } else if (!model.classes().isEmpty() && !model.classes().contains(settings.positiveClass())) {
                errors.add(scorecardError("has no class \"" + settings.positiveClass() + "\" (market.json"
                        + " model.positiveClass); its classes are " + classes));
            }
        } else {
            if (settings.positiveClass() != null) {
                errors.add(scorecardError("is a " + model.modelType() + " that predicts a value, not a class:"
                        + " remove model.positiveClass from market.json"));
            }
            if (settings.scaling() != null) {
                errors.add(scorecardError("is a " + model.modelType() + " that predicts a value, not a class:"
                        + " model.scaling turns a probability into points and does not apply"));
            }
        }
        checkInputs(model, settings, errors);
        checkMappedValues(model, settings, errors);
        for (String input : settings.inputs().keySet()) {
            if (!model.inputNames().contains(input)) {
                errors.add(new ArtifactError(
                        PolicyPackage.SETTINGS,
                        null,
                        null,
                        "model.inputs." + input + ": scorecard.pmml has no input " + input + "; its inputs are "
                                + model.inputNames()));
            }
        }
        for (String input : settings.reasonCodes().keySet()) {
            if (!model.inputNames().contains(input)) {
                errors.add(new ArtifactError(
                        PolicyPackage.SETTINGS,
                        null,
                        null,
                        "model.reasonCodes." + input + ": scorecard.pmml has no input " + input + "; its inputs are "
                                + model.inputNames()));
            } else if (settings.input(input).isConstant()) {
                errors.add(new ArtifactError(
                        PolicyPackage.SETTINGS,
                        null,
                        null,
                        "model.reasonCodes." + input
                                + ": the input is a constant in model.inputs, the same for every applicant, so it is never a reason;"
                                + " remove its code"));
            }
        }
        return new RiskModel(model, settings);
    }

    /** Every input must be fed: mapped in model.inputs, or named after the vocabulary. */
    static void checkInputs(Scorecard model, RiskModelSettings settings, List<ArtifactError> errors) {
        for (String input : model.inputNames()) {
            if (settings.input(input).isConstant()) continue;
            if (!ScorecardFields.isKnown(settings.source(input))) {
                errors.add(scorecardError("input field '" + input + "' is neither mapped in market.json model.inputs"
                        + " nor in the vocabulary: map it, e.g. \"model\": {\"inputs\": {\"" + input
                        + "\": \"applicant.age\"}}, to a request JSON path or a derived feature, one of "
                        + ScorecardFields.names()));
            }
        }
    }

    /** A mapped or constant value must be one of a categorical input's declared values, or the model refuses it. */
    static void checkMappedValues(Scorecard model, RiskModelSettings settings, List<ArtifactError> errors) {
        for (InputField field : model.inputFields()) {
            RiskModelSettings.Input feed = settings.inputs().get(field.getName());
            List<?> domain = field.getOpType() == OpType.CONTINUOUS ? null : field.getDiscreteDomain();
            if (feed == null || domain == null || domain.isEmpty()) continue;
            Set<String> declared = new TreeSet<>();
            domain.forEach(value -> declared.add(String.valueOf(value)));
            List<Object> used = new ArrayList<>();
            if (feed.isConstant()) used.add(feed.constant());
            if (feed.values() != null) used.addAll(feed.values().values());
            if (feed.otherwise() != null) used.add(feed.otherwise());
            for (Object value : used) {
                if (!declared.contains(String.valueOf(value))) {
                    errors.add(new ArtifactError(
                            PolicyPackage.SETTINGS,
                            null,
                            null,
                            "model.inputs." + field.getName()
                                    + ": scorecard.pmml's " + field.getName() + " has no value \"" + value
                                    + "\"; its values are "
                                    + declared));
                }
            }
        }
    }

    private static ArtifactError scorecardError(String message) {
        return new ArtifactError(PolicyPackage.SCORECARD, null, null, message);
    }

    Scorecard model() {
        return model;
    }

    /**
     * Runs the model on each probe application, adding an error naming scorecard.pmml for each one it
     * cannot score, then (when it can serve) chooses the reference value of every input that gives a
     * reason. Call once, at compile time.
     */
    void probe(Map<String, ApplicationFacts> probes, List<ArtifactError> errors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var probe : probes.entrySet()) {
            String problem = problem(probe.getValue());
            if (problem != null) {
                errors.add(scorecardError("cannot score the probe application " + probe.getKey() + ": " + problem));
            } else {
                rows.add(row(probe.getValue()));
            }
        }
        if (rows.size() == probes.size() && !rows.isEmpty()) chooseReferences(rows);
    }

    /** Why the model cannot score these facts, or null when it can. */
    String problem(ApplicationFacts facts) {
        try {
            Scorecard.Result result = model.evaluate(row(facts));
            if (model.isClassifier()) {
                if (result.probabilities() == null) return "it gave no class probabilities";
                if (settings.positiveClass() != null && !result.probabilities().containsKey(settings.positiveClass())) {
                    return "it gave no probability for class \"" + settings.positiveClass()
                            + "\" (model.positiveClass)," + " only for "
                            + result.probabilities().keySet();
                }
                Double p = result.probabilityOf(settings.positiveClass());
                if (p == null || p.isNaN()) return "it gave no probability";
            } else if (result.value() == null || result.value().isNaN()) {
                return "it gave no score (predicted " + result.predicted() + ")";
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The row of raw values the model reads, keyed by its own input names. */
    Map<String, Object> row(ApplicationFacts facts) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            RiskModelSettings.Input feed = feeds.get(i);
            row.put(inputs.get(i), feed.apply(feed.isConstant() ? null : ScorecardFields.value(feed.from(), facts)));
        }
        return row;
    }

    /** Scores one application: value, probability and reason codes, most important first. */
    Score score(ApplicationFacts facts) {
        return score(row(facts));
    }

    /** Scores one row of raw values keyed by the model's own input names. */
    Score score(Map<String, Object> row) {
        Scorecard.Result result = model.evaluate(row);
        double risk = risk(result);
        Double probability = model.isClassifier() ? risk : null;
        double value;
        if (probability != null) {
            value = settings.scaling() == null
                    ? probability
                    : settings.scaling().points(probability);
        } else {
            value = result.value();
        }
        if (model.hasReasonCodes()) return new Score(value, probability, result.reasonCodes());
        return new Score(value, probability, () -> reasons(row, risk));
    }

    /**
     * Higher is riskier: a classifier's probability of the bad class, else the predicted value turned
     * round (a scorecard's or regression's higher value means safer). Throws when there is none, so the
     * decision refers with a policy fault rather than reading a made-up 0.
     */
    private double risk(Scorecard.Result result) {
        if (model.isClassifier()) {
            Double p = result.probabilityOf(settings.positiveClass());
            if (p == null || p.isNaN())
                throw new IllegalStateException(
                        "scorecard.pmml gave no probability for class " + settings.positiveClass());
            return p;
        }
        if (result.value() == null || result.value().isNaN()) {
            throw new IllegalStateException("scorecard.pmml gave no score (predicted " + result.predicted() + ")");
        }
        return -result.value();
    }

    private double riskOrNaN(Map<String, Object> row) {
        try {
            return risk(model.evaluate(row));
        } catch (RuntimeException e) {
            // A candidate the model refuses (outside a valid range) is simply no reference.
            return Double.NaN;
        }
    }

    /**
     * How each part of the model moved this application's score: a Scorecard's points per characteristic,
     * otherwise the reason-giving inputs ranked by how much their reference value would lower the risk.
     */
    Contribution.Explanation explain(ApplicationFacts facts) {
        Map<String, Object> row = row(facts);
        if ("Scorecard".equals(model.modelType())) {
            return new Contribution.Explanation(Contribution.Kind.POINTS, model.partialScores(row));
        }
        List<Contribution> ranked = new ArrayList<>();
        for (var entry : worsening(row, risk(model.evaluate(row)))) {
            Object value = row.get(entry.getKey());
            ranked.add(new Contribution(
                    entry.getKey(),
                    value == null ? "—" : value.toString(),
                    entry.getValue(),
                    settings.reasonCodes().get(entry.getKey())));
        }
        return new Contribution.Explanation(Contribution.Kind.RISK, ranked);
    }

    private List<String> reasons(Map<String, Object> row, double risk) {
        List<Map.Entry<String, Double>> ranked = ensemble == null ? null : treeWorsening(row, risk);
        return codes(ranked != null ? ranked : worsening(row, risk));
    }

    /** The reasons as the exact path gives them: one evaluation of the model per input (for tests). */
    List<String> exactReasons(Map<String, Object> row) {
        return codes(worsening(row, risk(model.evaluate(row))));
    }

    /** The reasons as the tree walk gives them, or null when it declines the row (for tests). */
    List<String> treeReasons(Map<String, Object> row) {
        if (ensemble == null) return null;
        List<Map.Entry<String, Double>> ranked = treeWorsening(row, risk(model.evaluate(row)));
        return ranked == null ? null : codes(ranked);
    }

    /** True when reasons come from walking the model's trees rather than evaluating it per input. */
    boolean walksTrees() {
        return ensemble != null;
    }

    private List<String> codes(List<Map.Entry<String, Double>> ranked) {
        Set<String> codes = new LinkedHashSet<>();
        for (var entry : ranked) {
            codes.add(settings.reasonCodes().get(entry.getKey()));
            if (codes.size() == MAX_REASONS) break;
        }
        return List.copyOf(codes);
    }

    /** A fall in risk no larger than this is rounding, not a reason; both ways of ranking inputs use it. */
    private static final double WORSENS = 1e-12;

    /** The inputs whose reference value would lower the risk, with by how much, biggest first. */
    private List<Map.Entry<String, Double>> worsening(Map<String, Object> row, double risk) {
        if (preparedReferences.isEmpty()) return List.of();
        // The applicant's values prepared once; each extra evaluation swaps in one prepared reference and
        // computes no output fields, which is most of what an evaluation costs.
        Map<String, Object> prepared = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) prepared.put(inputs.get(i), model.prepare(i, row.get(inputs.get(i))));
        List<Map.Entry<String, Double>> worsening = new ArrayList<>();
        for (var reference : preparedReferences.entrySet()) {
            String input = inputs.get(reference.getKey());
            if (same(row.get(input), references.get(input)) || sameLeaves(input, row.get(input), references.get(input)))
                continue;
            Object own = prepared.put(input, reference.getValue());
            double better = quickRisk(prepared);
            prepared.put(input, own);
            if (!Double.isNaN(better) && risk - better > WORSENS) worsening.add(Map.entry(input, risk - better));
        }
        worsening.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return worsening;
    }

    /** How far the tree walk's risk may be from jpmml's for the applicant before the walk is not trusted. */
    private static final double AGREEMENT = 1e-12;
    /**
     * A margin far wider than the walk's rounding differences from jpmml (about 1e-16): a change within
     * it of the {@link #WORSENS} threshold, or two changes within it of each other, could rank differently from the
     * exact path, which then decides.
     */
    private static final double AMBIGUOUS = 1e-9;

    /**
     * {@link #worsening} for an additive tree ensemble, by walking the trees instead of evaluating the
     * model per input: the same inputs in the same order, or null when this row must take the exact
     * path (a missing value, a walk that disagrees with jpmml, a near tie).
     */
    private List<Map.Entry<String, Double>> treeWorsening(Map<String, Object> row, double risk) {
        if (preparedReferences.isEmpty()) return List.of();
        Object[] prepared = new Object[inputs.size()];
        try {
            for (int i = 0; i < prepared.length; i++) prepared[i] = model.prepare(i, row.get(inputs.get(i)));
        } catch (RuntimeException e) {
            return null;
        }
        TreeEnsemble.Walk walk = ensemble.walk(prepared);
        if (walk == null) return null;
        double own = walk.risk();
        // Relative for a regression's value, which may be hundreds of points.
        if (!(Math.abs(own - risk) <= AGREEMENT * Math.max(1, Math.abs(risk)))) return null;
        List<Map.Entry<String, Double>> worsening = new ArrayList<>();
        for (var reference : preparedReferences.entrySet()) {
            double better = walk.riskWith(reference.getKey(), reference.getValue());
            if (Double.isNaN(better)) return null;
            // Exactly the applicant's risk: every tree ends in the same leaf, as jpmml's evaluation would.
            if (better == own) continue;
            double delta = own - better;
            if (Math.abs(delta - WORSENS) <= AMBIGUOUS) return null;
            if (delta > WORSENS) worsening.add(Map.entry(inputs.get(reference.getKey()), delta));
        }
        worsening.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (int i = 1; i < worsening.size(); i++) {
            if (worsening.get(i - 1).getValue() - worsening.get(i).getValue() <= AMBIGUOUS) return null;
        }
        return worsening;
    }

    private double quickRisk(Map<String, Object> prepared) {
        try {
            Double value = model.quick(prepared, settings.positiveClass());
            if (value == null || value.isNaN()) return Double.NaN;
            return model.isClassifier() ? value : -value;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * True when a tree model cannot tell the two numbers apart: the input is read only by splits, and no
     * split point lies between them (or on either), so every tree sends both down the same branches and
     * the extra evaluation would only give the applicant's own risk back.
     */
    private boolean sameLeaves(String input, Object a, Object b) {
        TreeSet<Double> points = splits.get(input);
        if (points == null || !(a instanceof Number x) || !(b instanceof Number y)) return false;
        double low = Math.min(x.doubleValue(), y.doubleValue());
        double high = Math.max(x.doubleValue(), y.doubleValue());
        Double next = points.ceiling(low);
        return next == null || next > high;
    }

    /**
     * For a tree model (a TreeModel, or a MiningModel of trees), the split points on each numeric input
     * that the model reads through splits only; inputs read any other way (a regression term, a
     * transformation, a set predicate) are left out.
     */
    private static Map<String, TreeSet<Double>> splitPoints(Scorecard model) {
        Map<String, TreeSet<Double>> points = new HashMap<>();
        if (!(model.model() instanceof org.dmg.pmml.tree.TreeModel
                || model.model() instanceof org.dmg.pmml.mining.MiningModel)) {
            return points;
        }
        Set<String> numeric = new HashSet<>();
        for (InputField field : model.inputFields()) {
            if (field.getOpType() == OpType.CONTINUOUS) numeric.add(field.getName());
        }
        Set<String> readOtherwise = new HashSet<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(SimplePredicate predicate) {
                String field = predicate.requireField();
                if (numeric.contains(field)) {
                    try {
                        points.computeIfAbsent(field, f -> new TreeSet<>())
                                .add(Double.parseDouble(String.valueOf(predicate.getValue())));
                    } catch (NumberFormatException e) {
                        // A predicate on a missing value (isMissing) or on text: not a split point.
                        if (predicate.getValue() != null) readOtherwise.add(field);
                    }
                }
                return super.visit(predicate);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.FieldRef ref) {
                readOtherwise.add(ref.requireField());
                return super.visit(ref);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.SimpleSetPredicate predicate) {
                readOtherwise.add(predicate.requireField());
                return super.visit(predicate);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.regression.NumericPredictor predictor) {
                readOtherwise.add(predictor.requireField());
                return super.visit(predictor);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.NormContinuous norm) {
                readOtherwise.add(norm.requireField());
                return super.visit(norm);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.Discretize discretize) {
                readOtherwise.add(discretize.requireField());
                return super.visit(discretize);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.NormDiscrete norm) {
                readOtherwise.add(norm.requireField());
                return super.visit(norm);
            }

            @Override
            public VisitorAction visit(org.dmg.pmml.FieldColumnPair pair) {
                readOtherwise.add(pair.requireField());
                return super.visit(pair);
            }
        }.applyTo(model.model());
        readOtherwise.forEach(points::remove);
        // An input no split reads at all is left out too: the model reads it some way the visitor does not know.
        points.keySet().retainAll(numeric);
        return points;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a == null ? b == null : a.equals(b);
    }

    /**
     * For each input with a reason code: the candidate value whose risk, averaged over the probe rows
     * with only that input changed, is lowest. Runs only for models without reason codes of their own.
     */
    void chooseReferences(List<Map<String, Object>> rows) {
        if (model.hasReasonCodes()) return;
        Map<String, Collection<Object>> candidates = candidates(rows);
        for (InputField field : model.inputFields()) {
            String input = field.getName();
            if (!settings.reasonCodes().containsKey(input)
                    || settings.input(input).isConstant()) continue;
            Object best = null;
            double bestRisk = Double.POSITIVE_INFINITY;
            for (Object candidate : candidates.getOrDefault(input, List.of())) {
                double sum = 0;
                int counted = 0;
                for (Map<String, Object> row : rows) {
                    Map<String, Object> changed = new HashMap<>(row);
                    changed.put(input, candidate);
                    double r = riskOrNaN(changed);
                    if (!Double.isNaN(r)) {
                        sum += r;
                        counted++;
                    }
                }
                if (counted == rows.size() && sum / counted < bestRisk - 1e-12) {
                    bestRisk = sum / counted;
                    best = candidate;
                }
            }
            if (best != null) {
                references.put(input, best);
                preparedReferences.put(inputs.indexOf(input), model.prepare(inputs.indexOf(input), best));
            }
        }
    }

    /**
     * Values worth trying per input: a categorical input's declared values; for a continuous one, each
     * split point of the model on it and just either side, the bounds of its valid interval, the median
     * and mean declared in ModelStats, and the values the probe rows hold.
     */
    private Map<String, Collection<Object>> candidates(List<Map<String, Object>> rows) {
        Map<String, Collection<Object>> candidates = new HashMap<>();
        Map<String, TreeSet<Double>> numbers = new HashMap<>();
        for (InputField field : model.inputFields()) {
            String input = field.getName();
            RiskModelSettings.Input feed = settings.input(input);
            if (feed.values() != null) {
                // A mapped input only ever reads the mapped values: a reference outside them no applicant can reach.
                Set<Object> values = new LinkedHashSet<>(feed.values().values());
                if (feed.otherwise() != null) values.add(feed.otherwise());
                candidates.put(input, values);
            } else if (field.getOpType() != OpType.CONTINUOUS) {
                Set<Object> values = new LinkedHashSet<>();
                List<?> domain = field.getDiscreteDomain();
                if (domain != null) values.addAll(domain);
                for (Map<String, Object> row : rows) {
                    if (row.get(input) != null) values.add(row.get(input));
                }
                candidates.put(input, values);
            } else {
                TreeSet<Double> set = new TreeSet<>();
                var domain = field.getContinuousDomain();
                if (domain != null && !domain.isEmpty()) {
                    var span = domain.span();
                    if (span.hasLowerBound()) set.add(span.lowerEndpoint());
                    if (span.hasUpperBound()) set.add(span.upperEndpoint());
                }
                for (Map<String, Object> row : rows) {
                    if (row.get(input) instanceof Number n) set.add(n.doubleValue());
                }
                numbers.put(input, set);
            }
        }
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(SimplePredicate predicate) {
                TreeSet<Double> set = numbers.get(predicate.requireField());
                if (set != null && predicate.getValue() != null) {
                    try {
                        double t = Double.parseDouble(predicate.getValue().toString());
                        double step = Math.max(Math.ulp(t) * 4, Math.abs(t) * 1e-9);
                        set.add(t);
                        set.add(t - step);
                        set.add(t + step);
                    } catch (NumberFormatException e) {
                        // A predicate on text: not a split point of a number.
                    }
                }
                return super.visit(predicate);
            }

            @Override
            public VisitorAction visit(UnivariateStats stats) {
                TreeSet<Double> set = numbers.get(stats.getField());
                NumericInfo info = stats.getNumericInfo();
                if (set != null && info != null) {
                    if (info.getMedian() != null) set.add(info.getMedian().doubleValue());
                    if (info.getMean() != null) set.add(info.getMean().doubleValue());
                }
                return super.visit(stats);
            }
        }.applyTo(model.model());
        numbers.forEach((input, set) -> candidates.put(input, thin(new ArrayList<>(set))));
        return candidates;
    }

    private static List<Object> thin(List<Double> sorted) {
        if (sorted.size() <= MAX_CANDIDATES) return new ArrayList<>(sorted);
        List<Object> kept = new ArrayList<>(MAX_CANDIDATES);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            kept.add(sorted.get((int) Math.round(i * (sorted.size() - 1) / (double) (MAX_CANDIDATES - 1))));
        }
        return kept;
    }

    /** The reference value chosen per input (for documentation and the workbench), in input order. */
    Map<String, Object> references() {
        return java.util.Collections.unmodifiableMap(references);
    }
}

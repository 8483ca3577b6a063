package io.credence.engine;

import io.credence.vocabulary.Decision;
import io.credence.vocabulary.ListMatch;
import io.credence.vocabulary.Market;
import io.credence.vocabulary.Score;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * One market's policy version, compiled and ready: immutable and shared by every thread. Each
 * decision runs fraud rules, the scorecard, approval rules and pricing rules in sessions of their
 * own, reused warm and emptied of that decision's facts before another decision gets them
 * ({@link StageSessions}), so nothing a rule does can leak into another decision.
 */
public final class CompiledPolicy implements AutoCloseable {

    /** A policy that fires more rules than this in one stage is looping. */
    static final int MAX_FIRINGS_PER_STAGE = 10_000;

    private final String market;
    private final int version;
    private final String digest;
    private final MarketSettings settings;
    private final Map<String, MarketParameter> parameters;
    private final RiskModel riskModel;
    private final KieContainer container;
    private final StageSessions fraud;
    private final StageSessions approval;
    private final StageSessions pricing;
    private final Market marketFact;

    CompiledPolicy(
            String market,
            int version,
            String digest,
            MarketSettings settings,
            RiskModel riskModel,
            KieContainer container,
            KieBase fraud,
            KieBase approval,
            KieBase pricing) {
        this(market, version, digest, settings, Map.of(), riskModel, container, fraud, approval, pricing);
    }

    CompiledPolicy(
            String market,
            int version,
            String digest,
            MarketSettings settings,
            Map<String, MarketParameter> parameters,
            RiskModel riskModel,
            KieContainer container,
            KieBase fraud,
            KieBase approval,
            KieBase pricing) {
        this.market = market;
        this.version = version;
        this.digest = digest;
        this.settings = settings;
        this.parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        this.riskModel = riskModel;
        this.container = container;
        this.fraud = pool(fraud);
        this.approval = pool(approval);
        this.pricing = pool(pricing);
        this.marketFact = new Market(
                market,
                settings.currency(),
                settings.minAmount(),
                settings.maxAmount(),
                settings.minTermMonths(),
                settings.maxTermMonths(),
                settings.maxApr(),
                settings.referenceApr(),
                settings.bureau().scoreMin(),
                settings.bureau().scoreMax(),
                values(parameters));
    }

    public String market() {
        return market;
    }

    public int version() {
        return version;
    }

    public String digest() {
        return digest;
    }

    public MarketSettings settings() {
        return settings;
    }
    /** market.json's parameters by name, in the file's order. */
    public Map<String, MarketParameter> parameters() {
        return parameters;
    }

    private static Map<String, Double> values(Map<String, MarketParameter> parameters) {
        Map<String, Double> values = new HashMap<>();
        parameters.forEach((name, parameter) -> values.put(name, parameter.asDouble()));
        return values;
    }

    /** Decides one application; never throws for a policy fault, it refers instead. */
    public EngineResult decide(LoanApplication request, Enrichment enrichment) {
        long started = System.nanoTime();
        long deadline = started + settings.timeBudgetMillis() * 1_000_000L;
        Decision decision = new Decision();
        List<String> fired = new ArrayList<>();
        Score score = null;
        String fault = null;
        boolean decidedByFraud = false;
        try {
            ApplicationFacts facts = ApplicationFacts.of(request, enrichment, settings);
            decision.enterStage("fraud");
            run(fraud, "fraud", facts, null, decision, fired, deadline);
            decidedByFraud = decision.getOutcome() != null;

            score = riskModel.score(facts);
            overran(deadline, "the risk model");

            if (!decision.isDeclined()) {
                decision.enterStage("approval");
                run(approval, "approval", facts, score, decision, fired, deadline);
            }
            if (Decision.APPROVE.equals(decision.getOutcome())) {
                decision.enterStage("pricing");
                run(pricing, "pricing", facts, score, decision, fired, deadline);
            }
            overran(deadline, "the decision");
        } catch (BudgetExceeded e) {
            fault = e.getMessage();
        } catch (Throwable e) {
            // Whatever policy code throws is the policy's fault, not the server's: a LinkageError from
            // Drools' JIT, a StackOverflowError, an OutOfMemoryError from what a rule allocated.
            fault = System.nanoTime() > deadline
                    ? "the policy overran the " + settings.timeBudgetMillis() + " ms time budget (" + describe(e) + ")"
                    : describe(e);
        }
        return finish(request, decision, score, decidedByFraud, fired, fault, started);
    }

    /** Throws {@link BudgetExceeded} once the deadline has passed. */
    private void overran(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new BudgetExceeded(what + " overran the " + settings.timeBudgetMillis() + " ms time budget");
        }
    }

    /** Keeps a warm session per request thread that usually runs at once; more are made when needed. */
    private static StageSessions pool(KieBase base) {
        return new StageSessions(base, 4 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * Why the risk model cannot score each of these applications (test cases, say), by application id;
     * empty when it scores them all. An application the parser or the market refuses is not the model's
     * problem and is left to the test case that holds it.
     */
    public Map<String, String> riskModelProblems(List<LoanApplication> applications) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (LoanApplication application : applications) {
            String problem;
            try {
                problem = riskModel.problem(ApplicationFacts.of(application, Enrichment.NONE, settings));
            } catch (RuntimeException e) {
                continue;
            }
            if (problem != null) problems.put(application.applicationId(), problem);
        }
        return problems;
    }

    /**
     * How the risk model's parts moved this application's score (what a decision's detail shows); the
     * model is evaluated again, so this is for reading one decision, not for the request path.
     */
    public Contribution.Explanation explain(LoanApplication request, Enrichment enrichment) {
        return riskModel.explain(ApplicationFacts.of(request, enrichment, settings));
    }

    /** The type of the risk model in scorecard.pmml: Scorecard, RegressionModel, MiningModel… */
    public String riskModelType() {
        return riskModel.model().modelType();
    }

    private void run(
            StageSessions sessions,
            String stage,
            ApplicationFacts facts,
            Score score,
            Decision decision,
            List<String> fired,
            long deadline) {
        StageSessions.Lease lease = sessions.lease();
        KieSession session = lease.session;
        StageListener listener = new StageListener(stage, fired, deadline, session);
        boolean reusable = false;
        try {
            session.addEventListener(listener);
            lease.insert(facts.application());
            lease.insert(facts.applicant());
            lease.insert(facts.loan());
            lease.insert(facts.bureau());
            lease.insert(facts.device());
            lease.insert(facts.features());
            lease.insert(facts.velocity());
            for (ListMatch match : facts.listMatches()) lease.insert(match);
            lease.insert(marketFact);
            if (score != null) lease.insert(score);
            lease.insert(decision);
            int count = session.fireAllRules(MAX_FIRINGS_PER_STAGE);
            // After the last firing too: a stage whose one slow firing ran past the deadline is an overrun.
            if (listener.overran) overran(Long.MIN_VALUE, stage + " rules");
            overran(deadline, stage + " rules");
            if (count >= MAX_FIRINGS_PER_STAGE) {
                throw new BudgetExceeded(stage + " rules fired " + count + " times: the policy is looping");
            }
            reusable = true;
        } finally {
            session.removeEventListener(listener);
            if (reusable) lease.release();
            else lease.discard();
        }
    }

    private EngineResult finish(
            LoanApplication request,
            Decision decision,
            Score score,
            boolean decidedByFraud,
            List<String> fired,
            String fault,
            long started) {
        String locale = settings.localeFor(request.locale());
        List<Reason> reasons = new ArrayList<>();
        String outcome;
        BigDecimal amount = null;
        BigDecimal apr = null;
        if (fault != null) {
            outcome = Decision.REFER;
            String code = fault.contains("time budget") || fault.contains("looping")
                    ? EngineReasons.TIME_BUDGET
                    : EngineReasons.POLICY_FAULT;
            reasons.add(reason(code, "engine", locale));
        } else {
            for (Decision.Reason r : decision.getReasons()) reasons.add(reason(r.code(), r.source(), locale));
            outcome = decision.getOutcome();
            if (outcome == null) {
                outcome = Decision.REFER;
                reasons.add(reason(EngineReasons.NO_DECISION, "engine", locale));
            }
            if (Decision.APPROVE.equals(outcome)) {
                String problem = null;
                if (decision.getApr() == null) {
                    problem = EngineReasons.NOT_PRICED;
                } else if (decision.getApr() > settings.maxApr() + 1e-9) {
                    problem = EngineReasons.APR_ABOVE_CAP;
                } else {
                    amount = approvedAmount(request, decision);
                    if (amount.doubleValue() < settings.minAmount()) problem = EngineReasons.AMOUNT_BELOW_MINIMUM;
                    apr = plain(BigDecimal.valueOf(decision.getApr()).setScale(4, RoundingMode.HALF_UP));
                }
                if (problem != null) {
                    outcome = Decision.REFER;
                    amount = null;
                    apr = null;
                    reasons.add(reason(problem, "engine", locale));
                }
            }
        }
        // Reasons the engine derives from reference values say what counts against the applicant: an
        // adverse-action notice's content, so an approval carries none (and never pays to compute them).
        if (score != null
                && !decidedByFraud
                && fault == null
                && !(score.isAdverseOnly() && Decision.APPROVE.equals(outcome))) {
            for (String code : score.getReasonCodes()) {
                Reason r = reason(code, "scorecard", locale);
                if (!reasons.contains(r)) reasons.add(r);
            }
        }
        BigDecimal twoDecimals = score == null || !Double.isFinite(score.getValue())
                ? null
                : BigDecimal.valueOf(score.getValue()).setScale(2, RoundingMode.HALF_UP);
        Double probability = score == null ? null : score.getProbability();
        long micros = (System.nanoTime() - started) / 1_000;
        return new EngineResult(outcome, twoDecimals, probability, reasons, amount, apr, fired, micros, fault);
    }

    private BigDecimal approvedAmount(LoanApplication request, Decision decision) {
        double amount = Math.min(request.loan().amount().doubleValue(), settings.maxAmount());
        if (decision.getAmountCap() != null) amount = Math.min(amount, decision.getAmountCap());
        return plain(
                BigDecimal.valueOf(Math.max(amount, 0)).setScale(settings.currencyFractionDigits(), RoundingMode.DOWN));
    }

    /** Drops trailing zeros without switching to exponent notation (2E+5) in JSON. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Reason reason(String code, String source, String locale) {
        // Filled in the catalog's language, which is the applicant's when the market has it.
        return new Reason(
                code,
                ReasonTemplates.fill(
                        settings.message(code, locale),
                        parameters,
                        locale == null ? settings.defaultLocale() : locale,
                        settings.currencyFractionDigits()),
                source);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String where = root == e ? "" : " (" + e.getClass().getSimpleName() + ")";
        return root.getClass().getName() + ": " + root.getMessage() + where;
    }

    /** Releases Drools' resources; call once no decision can be using this version any more. */
    @Override
    public void close() {
        fraud.close();
        approval.close();
        pricing.close();
        container.dispose();
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** Records the rules that fire and halts a stage that runs past the decision's deadline. */
    private static final class StageListener extends DefaultAgendaEventListener {
        private final String stage;
        private final List<String> fired;
        private final long deadline;
        private final KieSession session;
        private boolean overran;

        StageListener(String stage, List<String> fired, long deadline, KieSession session) {
            this.stage = stage;
            this.fired = fired;
            this.deadline = deadline;
            this.session = session;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            if (System.nanoTime() > deadline) {
                overran = true;
                session.halt();
            }
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(stage + ": " + event.getMatch().getRule().getName());
        }
    }
}

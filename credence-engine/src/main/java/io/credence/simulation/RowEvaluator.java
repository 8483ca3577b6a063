package io.credence.simulation;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.LoanApplicationParser;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides one row with both versions through the engine's own pipeline and counts it, or counts it as
 * invalid with every reason. Shared by the workers of a run: it holds nothing that changes.
 *
 * <p>Uploaded rows are decided with {@link Enrichment#NONE}: a backtest measures the policy, and
 * today's fraud lists and velocity counts say nothing about applications from another time (nor
 * would counting the file's own rows as velocity). Logged rows are decided with the context stored
 * with them, exactly what the original decision saw.
 */
final class RowEvaluator {

    /** A row as read: a CSV line, or a logged request and its stored context. */
    /** {@code label}: good or bad, from the row itself (a CSV's label column) or its loan's outcomes; or null. */
    record RawRow(long line, long index, String text, String context, String problem, long position, String label) {

        RawRow(long line, long index, String text, String context, String problem, long position) {
            this(line, index, text, context, problem, position, null);
        }
    }

    private final String market;
    private final CompiledPolicy candidate;
    private final CompiledPolicy against;
    private final CsvApplications csv;
    private final JsonMapper json;

    RowEvaluator(
            String market, CompiledPolicy candidate, CompiledPolicy against, CsvApplications csv, JsonMapper json) {
        this.market = market;
        this.candidate = candidate;
        this.against = against;
        this.csv = csv;
        this.json = json;
    }

    Tally evaluate(List<RawRow> rows) {
        Tally tally = new Tally();
        for (RawRow row : rows) {
            try {
                if (csv != null) csvRow(row, tally);
                else loggedRow(row, tally);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // A row the reader (or the policy) did not foresee must not end the run: it is reported like any
                // invalid row.
                tally.invalid(row.line(), null, List.of(new FieldProblem("$", "could not be read: " + e.getMessage())));
            }
        }
        return tally;
    }

    private void csvRow(RawRow raw, Tally tally) {
        String fallbackId = "row-" + raw.index();
        if (raw.problem() != null) {
            tally.invalid(raw.line(), fallbackId, List.of(new FieldProblem("$", "the line " + raw.problem())));
            return;
        }
        CsvApplications.Row row = csv.row(raw.index(), raw.text(), market);
        if (row.json() == null) {
            tally.invalid(raw.line(), row.applicationId(), row.problems());
            return;
        }
        // Every problem of the row at once: the CSV layer's, the request's own and those only the versions'
        // settings can judge (market, currency, score scale), whichever else is wrong.
        Set<FieldProblem> problems = new LinkedHashSet<>(row.problems());
        LoanApplication application = null;
        try {
            application = LoanApplicationParser.parse(row.json(), rowMarket -> {
                if (market.equals(rowMarket)) return settings();
                problems.add(wrongMarket());
                return List.of();
            });
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            tally.invalid(raw.line(), row.applicationId(), new ArrayList<>(problems));
            return;
        }
        decide(raw.line(), application, Enrichment.NONE, row.label(), tally);
    }

    private void loggedRow(RawRow raw, Tally tally) {
        LoanApplication application;
        Enrichment context;
        try {
            application = json.readValue(raw.text(), LoanApplication.class);
            context = raw.context() == null ? Enrichment.NONE : json.readValue(raw.context(), Enrichment.class);
        } catch (JacksonException e) {
            tally.invalid(
                    raw.line(),
                    null,
                    List.of(new FieldProblem("$", "the logged request could not be read: " + e.getOriginalMessage())));
            return;
        }
        List<FieldProblem> problems = marketProblems(application);
        if (!problems.isEmpty()) {
            tally.invalid(raw.line(), application.applicationId(), problems);
            return;
        }
        decide(raw.line(), application, context, raw.label(), tally);
    }

    private void decide(long line, LoanApplication application, Enrichment enrichment, String label, Tally tally) {
        EngineResult byAgainst = decide(against, application, enrichment);
        EngineResult byCandidate = candidate == against ? byAgainst : decide(candidate, application, enrichment);
        tally.decided(line, application.applicationId(), application.applicant().age(), label, byAgainst, byCandidate);
    }

    /**
     * Decides once more when a decision overran its time budget: in a backtest that is nearly always a
     * busy machine (a pause, a neighbour's build), not the policy, and a spurious REFER would show up as
     * a changed decision. A policy that is really too slow overruns again and is counted as a fault; a
     * looping one ("fired N times") is not retried.
     */
    private static EngineResult decide(CompiledPolicy policy, LoanApplication application, Enrichment enrichment) {
        EngineResult result = policy.decide(application, enrichment);
        if (result.fault() != null && result.fault().contains("overran"))
            result = policy.decide(application, enrichment);
        return result;
    }

    private FieldProblem wrongMarket() {
        return new FieldProblem("market", "must be " + market + ", the market of this backtest");
    }

    private List<io.credence.engine.MarketSettings> settings() {
        return candidate == against ? List.of(candidate.settings()) : List.of(candidate.settings(), against.settings());
    }

    /** What only the versions' settings can tell: the market, its currency, its bureau's score scale. */
    private List<FieldProblem> marketProblems(LoanApplication application) {
        Set<FieldProblem> problems = new LinkedHashSet<>();
        if (!market.equals(application.market())) {
            problems.add(wrongMarket());
            return new ArrayList<>(problems);
        }
        for (CompiledPolicy policy : candidate == against ? List.of(candidate) : List.of(candidate, against)) {
            try {
                LoanApplicationParser.checkAgainst(application, policy.settings());
            } catch (InvalidRequestException e) {
                problems.addAll(e.problems());
            }
        }
        return new ArrayList<>(problems);
    }
}

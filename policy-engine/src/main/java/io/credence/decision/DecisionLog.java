package io.credence.decision;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decision feature's public way into its log: every question another feature (experiments, drift,
 * backtests, loan outcomes) asks of the decided applications goes through here, so the decision tables'
 * columns are this feature's to change. Aggregates only where aggregates do, in SQL that H2 and
 * PostgreSQL both run; every query names the market, so PostgreSQL reads only that market's partitions.
 */
@Component
public class DecisionLog {

    private static final String AGGREGATES = """
            count(*) as n,
            sum(case when %1$soutcome = 'APPROVE' then 1 else 0 end) as approvals,
            sum(case when %1$soutcome = 'DECLINE' then 1 else 0 end) as declines,
            sum(case when %1$soutcome = 'REFER' then 1 else 0 end) as refers,
            avg(cast(%1$sscore as double precision)) as mean_score,
            avg(cast(%1$sapr as double precision)) as mean_apr,
            avg(cast(%1$sapproved_amount as double precision)) as mean_amount""";

    /** One logged decision as another feature needs it: who was decided, by which version and arm, and how. */
    public record LoggedDecision(
            String decisionId,
            String applicationId,
            String market,
            int policyVersion,
            String arm,
            @Nullable String experimentId,
            String outcome,
            @Nullable BigDecimal score,
            @Nullable Double probability,
            @Nullable BigDecimal approvedAmount,
            Instant evaluatedAt) {}

    /** A group of decisions' sums (an arm's, or the shadow challenger's) as the database aggregates them. */
    public record OutcomeTotals(
            long count,
            long approvals,
            long declines,
            long refers,
            @Nullable Double meanScore,
            @Nullable Double meanApr,
            @Nullable Double meanApprovedAmount) {

        public static final OutcomeTotals NONE = new OutcomeTotals(0, 0, 0, 0, null, null, null);
    }

    /** How many decisions got this outcome from the answering version and this one from the shadow challenger. */
    public record OutcomePairCount(String answered, String challenger, long count) {}

    /** A decision whose shadow challenger gave another outcome. */
    public record ShadowDifference(
            String decisionId,
            String applicationId,
            Instant evaluatedAt,
            String outcome,
            @Nullable BigDecimal score,
            @Nullable BigDecimal approvedAmount,
            String challengerOutcome,
            @Nullable BigDecimal challengerScore,
            @Nullable BigDecimal challengerApprovedAmount,
            List<String> challengerReasonCodes) {}

    /** How many decisions in a window had this outcome and this score (score null for none). */
    public record OutcomeScoreCount(
            String outcome, @Nullable Integer score, long count) {}

    private final JdbcClient jdbc;

    DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The decision made for an application in a market, if there was one. */
    public Optional<LoggedDecision> findByApplication(String market, String applicationId) {
        return jdbc.sql("""
                select id, application_id, market, policy_version, arm, experiment_id, outcome, score, probability,
                    approved_amount, evaluated_at
                from decision where market = ? and application_id = ?""")
                .params(market, applicationId)
                .query((rs, n) -> new LoggedDecision(
                        rs.getString("id"),
                        rs.getString("application_id"),
                        rs.getString("market"),
                        rs.getInt("policy_version"),
                        rs.getString("arm"),
                        rs.getString("experiment_id"),
                        rs.getString("outcome"),
                        rs.getBigDecimal("score"),
                        rs.getObject("probability", Double.class),
                        rs.getBigDecimal("approved_amount"),
                        rs.getTimestamp("evaluated_at").toInstant()))
                .optional();
    }

    /**
     * The decisions made for these applications, whatever their market (an application id is decided
     * once); applications never decided are absent. Callers pass a few hundred ids at a time.
     */
    public List<LoggedDecision> findByApplications(Collection<String> applicationIds) {
        if (applicationIds.isEmpty()) return List.of();
        return jdbc.sql("""
                select d.id, d.application_id, d.market, d.policy_version, d.arm, d.experiment_id, d.outcome, d.score,
                    d.probability, d.approved_amount, d.evaluated_at
                from decision_application a join decision d on d.id = a.decision_id and d.market = a.market
                where a.application_id in (:ids)""")
                .param("ids", List.copyOf(applicationIds))
                .query((rs, n) -> new LoggedDecision(
                        rs.getString("id"),
                        rs.getString("application_id"),
                        rs.getString("market"),
                        rs.getInt("policy_version"),
                        rs.getString("arm"),
                        rs.getString("experiment_id"),
                        rs.getString("outcome"),
                        rs.getBigDecimal("score"),
                        rs.getObject("probability", Double.class),
                        rs.getBigDecimal("approved_amount"),
                        rs.getTimestamp("evaluated_at").toInstant()))
                .list();
    }

    /** How many applications a version decided, and approved, in a market and period [from, to). */
    public record VersionCount(int version, long decided, long approved) {}

    /** Per answering version: decisions and approvals in the market, optionally one version and a period. */
    public List<VersionCount> countsByVersion(String market, Integer version, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("""
                select policy_version, count(*) as n, sum(case when outcome = 'APPROVE' then 1 else 0 end) as approvals
                from decision where market = ?""");
        List<Object> params = new ArrayList<>(List.of(market));
        if (version != null) {
            sql.append(" and policy_version = ?");
            params.add(version);
        }
        if (from != null) {
            sql.append(" and evaluated_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and evaluated_at < ?");
            params.add(Timestamp.from(to));
        }
        sql.append(" group by policy_version");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) ->
                        new VersionCount(rs.getInt("policy_version"), rs.getLong("n"), rs.getLong("approvals")))
                .list();
    }

    /** Per arm, what the answered decisions of an experiment were. */
    public Map<String, OutcomeTotals> answeredByArm(String market, String experimentId) {
        Map<String, OutcomeTotals> byArm = new TreeMap<>();
        jdbc.sql("select arm, " + AGGREGATES.formatted("")
                        + " from decision where market = ? and experiment_id = ? group by arm")
                .params(market, experimentId)
                .query(rs -> {
                    byArm.put(rs.getString("arm"), totals(rs));
                });
        return byArm;
    }

    /** In a shadow experiment: what the challenger would have answered to the same applications. */
    public OutcomeTotals shadowTotals(String market, String experimentId) {
        return jdbc.sql("select " + AGGREGATES.formatted("challenger_")
                        + " from decision where market = ? and experiment_id = ? and challenger_outcome is not null")
                .params(market, experimentId)
                .query((rs, row) -> totals(rs))
                .single();
    }

    /** The policy versions that answered in each arm of an experiment. */
    public Map<String, List<Integer>> versionsByArm(String market, String experimentId) {
        Map<String, TreeSet<Integer>> byArm = new TreeMap<>();
        jdbc.sql("select distinct arm, policy_version from decision where market = ? and experiment_id = ?")
                .params(market, experimentId)
                .query(rs -> {
                    byArm.computeIfAbsent(rs.getString("arm"), a -> new TreeSet<>())
                            .add(rs.getInt("policy_version"));
                });
        Map<String, List<Integer>> result = new TreeMap<>();
        byArm.forEach((arm, versions) -> result.put(arm, List.copyOf(versions)));
        return result;
    }

    /**
     * Decisions per combination of reason codes (comma-separated, as stored), in one arm of an experiment,
     * or the shadow challenger's when {@code shadow}.
     */
    public Map<String, Long> reasonCombinations(String market, String experimentId, String arm, boolean shadow) {
        String column = shadow ? "challenger_reason_codes" : "reason_codes";
        String filter = shadow ? "challenger_outcome is not null" : "arm = ?";
        List<Object> params = new ArrayList<>(List.of(market, experimentId));
        if (!shadow) params.add(arm);
        Map<String, Long> combinations = new LinkedHashMap<>();
        jdbc.sql("select " + column
                        + " as codes, count(*) as n from decision where market = ? and experiment_id = ? and " + filter
                        + " group by " + column)
                .params(params)
                .query(rs -> {
                    combinations.merge(String.valueOf(rs.getString("codes")), rs.getLong("n"), Long::sum);
                });
        return combinations;
    }

    /** In a shadow experiment: counts by pair of outcomes (answered, challenger's). */
    public List<OutcomePairCount> outcomePairs(String market, String experimentId) {
        return jdbc.sql("""
                select outcome, challenger_outcome, count(*) as n from decision
                where market = ? and experiment_id = ? and challenger_outcome is not null
                group by outcome, challenger_outcome order by outcome, challenger_outcome""")
                .params(market, experimentId)
                .query((rs, row) -> new OutcomePairCount(
                        rs.getString("outcome"), rs.getString("challenger_outcome"), rs.getLong("n")))
                .list();
    }

    /** Approved by both the answering version and the shadow challenger, but for a different amount or APR. */
    public long differingTerms(String market, String experimentId) {
        return jdbc.sql("""
                select count(*) from decision
                where market = ? and experiment_id = ? and outcome = 'APPROVE' and challenger_outcome = 'APPROVE'
                    and (approved_amount <> challenger_approved_amount or apr <> challenger_apr)""").params(market, experimentId).query(Long.class).single();
    }

    /** The latest decisions whose shadow challenger gave another outcome, newest first. */
    public List<ShadowDifference> shadowDifferences(String market, String experimentId, int limit) {
        return jdbc.sql("""
                select id, application_id, evaluated_at, outcome, score, approved_amount, challenger_outcome,
                    challenger_score, challenger_approved_amount, challenger_reason_codes
                from decision
                where market = ? and experiment_id = ? and challenger_outcome is not null and challenger_outcome <> outcome
                order by evaluated_at desc limit\s""" + Math.max(0, limit))
                .params(market, experimentId)
                .query((rs, row) -> new ShadowDifference(
                        rs.getString("id"),
                        rs.getString("application_id"),
                        rs.getTimestamp("evaluated_at").toInstant(),
                        rs.getString("outcome"),
                        rs.getBigDecimal("score"),
                        rs.getBigDecimal("approved_amount"),
                        rs.getString("challenger_outcome"),
                        rs.getBigDecimal("challenger_score"),
                        rs.getBigDecimal("challenger_approved_amount"),
                        codes(rs.getString("challenger_reason_codes"))))
                .list();
    }

    /**
     * Counts by outcome and score in one pass over the market's window [from, to) (the market-and-time
     * index finds it): at most a few thousand groups however many decisions there were.
     */
    public List<OutcomeScoreCount> outcomesAndScores(String market, Instant from, Instant to) {
        return jdbc.sql("""
                select outcome, score, count(*) as n from decision
                where market = ? and evaluated_at >= ? and evaluated_at < ?
                group by outcome, score""")
                .params(market, Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new OutcomeScoreCount(
                        rs.getString("outcome"), wholePoints(rs.getBigDecimal("score")), rs.getLong("n")))
                .list();
    }

    /** Scores keep two decimals; drift's histogram bands are whole points. */
    private static Integer wholePoints(BigDecimal score) {
        return score == null
                ? null
                : score.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
    }

    /** How many of the market's latest {@code limit} decisions still hold their request (a backtest's rows). */
    public long countReplayable(String market, int limit) {
        return jdbc.sql("select count(*) from (select 1 from decision where market = ? and request_json is not null "
                        + "limit " + limit + ") recent")
                .param(market)
                .query(Long.class)
                .single();
    }

    /**
     * The market's latest decisions that still hold their request, newest first, each with the context it
     * saw: what a backtest replays. The stream holds a database connection until it is closed.
     */
    public Stream<LoggedRequest> recentRequests(String market, int limit) {
        return jdbc
                .sql("select application_id, request_json, context_json from decision "
                        + "where market = ? and request_json is not null order by evaluated_at desc, id limit " + limit)
                .param(market)
                .query((rs, n) -> new LoggedRequest(
                        rs.getString("application_id"), rs.getString("request_json"), rs.getString("context_json")))
                .stream();
    }

    private static OutcomeTotals totals(ResultSet rs) throws SQLException {
        return new OutcomeTotals(
                rs.getLong("n"),
                rs.getLong("approvals"),
                rs.getLong("declines"),
                rs.getLong("refers"),
                nullableDouble(rs, "mean_score"),
                nullableDouble(rs, "mean_apr"),
                nullableDouble(rs, "mean_amount"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}

package io.credence.experiment;

import io.credence.experiment.ExperimentStatistics.Totals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The experiment table, and the experiment's view of the decision log: aggregates only, in SQL that
 * H2 and PostgreSQL both run. Every decision-log query names the market, so PostgreSQL reads only
 * that market's partitions.
 */
@Repository
class ExperimentRepository {

    private static final String AGGREGATES = """
            count(*) as n,
            sum(case when %1$soutcome = 'APPROVE' then 1 else 0 end) as approvals,
            sum(case when %1$soutcome = 'DECLINE' then 1 else 0 end) as declines,
            sum(case when %1$soutcome = 'REFER' then 1 else 0 end) as refers,
            avg(cast(%1$sscore as double precision)) as mean_score,
            avg(cast(%1$sapr as double precision)) as mean_apr,
            avg(cast(%1$sapproved_amount as double precision)) as mean_amount""";

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Experiment e) {
        jdbc.sql("""
                insert into experiment (id, market, challenger_version, champion_version, mode, traffic_percent,
                    max_approval_rate_difference, minimum_sample, status, running_market, started_by, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.market(), e.challengerVersion(), e.championVersion(), e.mode().name(),
                        e.trafficPercent(), e.maxApprovalRateDifference(), e.minimumSample(), e.status().name(),
                        e.market(), e.startedBy(), Timestamp.from(e.startedAt()))
                .update();
    }

    Optional<Experiment> find(String id) {
        return jdbc.sql("select * from experiment where id = ?").param(id).query(ExperimentRepository::map).optional();
    }

    List<Experiment> list(String market) {
        return jdbc.sql("select * from experiment where market = ? order by started_at desc").param(market)
                .query(ExperimentRepository::map).list();
    }

    List<Experiment> recent(int limit) {
        return jdbc.sql("select * from experiment order by started_at desc limit " + limit)
                .query(ExperimentRepository::map).list();
    }

    Optional<Experiment> runningIn(String market) {
        return jdbc.sql("select * from experiment where running_market = ?").param(market)
                .query(ExperimentRepository::map).optional();
    }

    List<Experiment> running() {
        return jdbc.sql("select * from experiment where status = 'RUNNING'").query(ExperimentRepository::map).list();
    }

    /** Ends a running experiment; false when it was not running (any more). */
    boolean end(String id, ExperimentStatus status, String actor, Instant at, String reason) {
        return jdbc.sql("""
                update experiment set status = ?, running_market = null, ended_by = ?, ended_at = ?, end_reason = ?
                where id = ? and status = 'RUNNING'""")
                .params(status.name(), actor, Timestamp.from(at), reason, id).update() == 1;
    }

    /** Marks an experiment, running or ended, as promoted; false when it already was. */
    boolean promoted(String id, String actor, Instant at, String reason) {
        return jdbc.sql("""
                update experiment set status = 'PROMOTED', running_market = null, ended_by = ?,
                    ended_at = coalesce(ended_at, ?), end_reason = ?
                where id = ? and status <> 'PROMOTED'""")
                .params(actor, Timestamp.from(at), reason, id).update() == 1;
    }

    /** Per arm, what the answered decisions were. */
    Map<String, Totals> answered(Experiment e) {
        Map<String, Totals> byArm = new TreeMap<>();
        jdbc.sql("select arm, " + AGGREGATES.formatted("") + " from decision where market = ? and experiment_id = ? group by arm")
                .params(e.market(), e.id())
                .query(rs -> {
                    byArm.put(rs.getString("arm"), totals(rs));
                });
        return byArm;
    }

    /** In a shadow experiment: what the challenger would have answered to the same applications. */
    Totals shadow(Experiment e) {
        return jdbc.sql("select " + AGGREGATES.formatted("challenger_")
                        + " from decision where market = ? and experiment_id = ? and challenger_outcome is not null")
                .params(e.market(), e.id())
                .query((rs, row) -> totals(rs)).single();
    }

    /** The policy versions that answered in each arm. */
    Map<String, List<Integer>> versions(Experiment e) {
        Map<String, TreeSet<Integer>> byArm = new TreeMap<>();
        jdbc.sql("select distinct arm, policy_version from decision where market = ? and experiment_id = ?")
                .params(e.market(), e.id())
                .query(rs -> {
                    byArm.computeIfAbsent(rs.getString("arm"), a -> new TreeSet<>()).add(rs.getInt("policy_version"));
                });
        Map<String, List<Integer>> result = new TreeMap<>();
        byArm.forEach((arm, versions) -> result.put(arm, List.copyOf(versions)));
        return result;
    }

    /** Decisions per combination of reason codes, in one arm (or the shadow challenger's when {@code shadow}). */
    Map<String, Long> reasonCombinations(Experiment e, String arm, boolean shadow) {
        String column = shadow ? "challenger_reason_codes" : "reason_codes";
        String filter = shadow ? "challenger_outcome is not null" : "arm = ?";
        List<Object> params = new ArrayList<>(List.of(e.market(), e.id()));
        if (!shadow) params.add(arm);
        Map<String, Long> combinations = new LinkedHashMap<>();
        jdbc.sql("select " + column + " as codes, count(*) as n from decision where market = ? and experiment_id = ? and "
                        + filter + " group by " + column)
                .params(params)
                .query(rs -> {
                    combinations.merge(String.valueOf(rs.getString("codes")), rs.getLong("n"), Long::sum);
                });
        return combinations;
    }

    List<ShadowComparison.OutcomePair> outcomePairs(Experiment e) {
        return jdbc.sql("""
                select outcome, challenger_outcome, count(*) as n from decision
                where market = ? and experiment_id = ? and challenger_outcome is not null
                group by outcome, challenger_outcome order by outcome, challenger_outcome""")
                .params(e.market(), e.id())
                .query((rs, row) -> new ShadowComparison.OutcomePair(rs.getString("outcome"),
                        rs.getString("challenger_outcome"), rs.getLong("n")))
                .list();
    }

    /** Approved by both versions, but for a different amount or at a different APR. */
    long differingTerms(Experiment e) {
        return jdbc.sql("""
                select count(*) from decision
                where market = ? and experiment_id = ? and outcome = 'APPROVE' and challenger_outcome = 'APPROVE'
                    and (approved_amount <> challenger_approved_amount or apr <> challenger_apr)""")
                .params(e.market(), e.id()).query(Long.class).single();
    }

    List<ShadowComparison.DifferingDecision> differing(Experiment e, int limit) {
        return jdbc.sql("""
                select id, application_id, evaluated_at, outcome, score, approved_amount, challenger_outcome,
                    challenger_score, challenger_approved_amount, challenger_reason_codes
                from decision
                where market = ? and experiment_id = ? and challenger_outcome is not null and challenger_outcome <> outcome
                order by evaluated_at desc limit\s""" + limit)
                .params(e.market(), e.id())
                .query((rs, row) -> new ShadowComparison.DifferingDecision(rs.getString("id"),
                        rs.getString("application_id"), rs.getTimestamp("evaluated_at").toInstant(),
                        rs.getString("outcome"), rs.getBigDecimal("score"),
                        rs.getBigDecimal("approved_amount"), rs.getString("challenger_outcome"),
                        rs.getBigDecimal("challenger_score"), rs.getBigDecimal("challenger_approved_amount"),
                        codes(rs.getString("challenger_reason_codes"))))
                .list();
    }

    private static Totals totals(ResultSet rs) throws SQLException {
        return new Totals(rs.getLong("n"), rs.getLong("approvals"), rs.getLong("declines"), rs.getLong("refers"),
                nullableDouble(rs, "mean_score"), nullableDouble(rs, "mean_apr"), nullableDouble(rs, "mean_amount"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Experiment map(ResultSet rs, int row) throws SQLException {
        BigDecimal maxDifference = rs.getBigDecimal("max_approval_rate_difference");
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Experiment(rs.getString("id"), rs.getString("market"), rs.getInt("challenger_version"),
                rs.getInt("champion_version"), ExperimentMode.valueOf(rs.getString("mode")),
                rs.getInt("traffic_percent"), maxDifference == null ? null : maxDifference.stripTrailingZeros(),
                rs.getObject("minimum_sample", Integer.class), ExperimentStatus.valueOf(rs.getString("status")),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), rs.getString("ended_by"),
                ended == null ? null : ended.toInstant(), rs.getString("end_reason"));
    }
}

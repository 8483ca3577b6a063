package io.credence.experiment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The experiment table; what the decisions were is the decision log's ({@link ExperimentDecisions}). */
@Repository
class ExperimentRepository {

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Experiment e) {
        jdbc.sql("""
                insert into experiment (id, market, challenger_version, champion_version, mode, traffic_percent,
                    max_approval_rate_difference, minimum_sample, status, running_market, started_by, started_at,
                    max_bad_rate_difference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.id(),
                        e.market(),
                        e.challengerVersion(),
                        e.championVersion(),
                        e.mode().name(),
                        e.trafficPercent(),
                        e.maxApprovalRateDifference(),
                        e.minimumSample(),
                        e.status().name(),
                        e.market(),
                        e.startedBy(),
                        Timestamp.from(e.startedAt()),
                        e.maxBadRateDifference())
                .update();
    }

    Optional<Experiment> find(String id) {
        return jdbc.sql("select * from experiment where id = ?")
                .param(id)
                .query(ExperimentRepository::map)
                .optional();
    }

    List<Experiment> list(String market) {
        return jdbc.sql("select * from experiment where market = ? order by started_at desc")
                .param(market)
                .query(ExperimentRepository::map)
                .list();
    }

    List<Experiment> recent(int limit) {
        return jdbc.sql("select * from experiment order by started_at desc limit " + limit)
                .query(ExperimentRepository::map)
                .list();
    }

    Optional<Experiment> runningIn(String market) {
        return jdbc.sql("select * from experiment where running_market = ?")
                .param(market)
                .query(ExperimentRepository::map)
                .optional();
    }

    List<Experiment> running() {
        return jdbc.sql("select * from experiment where status = 'RUNNING'")
                .query(ExperimentRepository::map)
                .list();
    }

    /** Ends a running experiment; false when it was not running (any more). */
    boolean end(String id, ExperimentStatus status, String actor, Instant at, String reason) {
        return jdbc.sql("""
                update experiment set status = ?, running_market = null, ended_by = ?, ended_at = ?, end_reason = ?
                where id = ? and status = 'RUNNING'""")
                        .params(status.name(), actor, Timestamp.from(at), reason, id)
                        .update()
                == 1;
    }

    /** Marks an experiment, running or ended, as promoted; false when it already was. */
    boolean promoted(String id, String actor, Instant at, String reason) {
        return jdbc.sql("""
                update experiment set status = 'PROMOTED', running_market = null, ended_by = ?,
                    ended_at = coalesce(ended_at, ?), end_reason = ?
                where id = ? and status <> 'PROMOTED'""").params(actor, Timestamp.from(at), reason, id).update() == 1;
    }

    private static Experiment map(ResultSet rs, int row) throws SQLException {
        BigDecimal maxDifference = rs.getBigDecimal("max_approval_rate_difference");
        Timestamp ended = rs.getTimestamp("ended_at");
        BigDecimal maxBad = rs.getBigDecimal("max_bad_rate_difference");
        return new Experiment(
                rs.getString("id"),
                rs.getString("market"),
                rs.getInt("challenger_version"),
                rs.getInt("champion_version"),
                ExperimentMode.valueOf(rs.getString("mode")),
                rs.getInt("traffic_percent"),
                maxDifference == null ? null : maxDifference.stripTrailingZeros(),
                rs.getObject("minimum_sample", Integer.class),
                ExperimentStatus.valueOf(rs.getString("status")),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getString("ended_by"),
                ended == null ? null : ended.toInstant(),
                rs.getString("end_reason"),
                maxBad == null ? null : maxBad.stripTrailingZeros());
    }
}

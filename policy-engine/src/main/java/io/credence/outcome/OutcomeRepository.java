package io.credence.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outcome tables. Writes replace by key (delete, then insert, in the caller's transaction), which
 * both databases do the same way. Reports are aggregates: the database returns counts by version, score
 * or month, never loans.
 */
@Repository
class OutcomeRepository {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final boolean postgres;
    private final Set<String> partitioned = ConcurrentHashMap.newKeySet();

    OutcomeRepository(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.batch = batch;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * On PostgreSQL, a market's own partitions before its first outcome (the DDL is idempotent, so every
     * instance of a cluster may run it); on H2 there is one table each and this does nothing.
     */
    void ensurePartitions(String market) {
        if (!postgres || partitioned.contains(market) || !market.matches("[A-Z]{2}")) return;
        for (String table : List.of("loan_observation", "loan_performance")) {
            try {
                batch.execute("create table if not exists " + table + "_" + market.toLowerCase() + " partition of "
                        + table + " for values in ('" + market + "')");
            } catch (DataAccessException e) {
                // Two instances creating it at once: the loser's "already exists" is the outcome wanted.
                if (!String.valueOf(e.getMessage()).contains("already exists")) throw e;
            }
        }
        partitioned.add(market);
    }

    void replaceObservations(String market, List<Observation> observations, Instant receivedAt) {
        if (postgres) {
            upsert(
                    """
                    insert into loan_observation (market, application_id, as_of, funded, funded_at, funded_amount,
                        days_past_due, status, principal_outstanding, loss_amount, received_at)
                    select ?, * , ? from unnest(?::varchar[], ?::date[], ?::boolean[], ?::date[], ?::numeric[],
                        ?::integer[], ?::varchar[], ?::numeric[], ?::numeric[])
                    on conflict (market, application_id, as_of) do update set funded = excluded.funded,
                        funded_at = excluded.funded_at, funded_amount = excluded.funded_amount,
                        days_past_due = excluded.days_past_due, status = excluded.status,
                        principal_outstanding = excluded.principal_outstanding, loss_amount = excluded.loss_amount,
                        received_at = excluded.received_at""",
                    new Object[] {market, Timestamp.from(receivedAt)},
                    new Column<>("varchar", observations, Observation::applicationId),
                    new Column<>("date", observations, o -> Date.valueOf(o.asOf())),
                    new Column<>("boolean", observations, Observation::funded),
                    new Column<>("date", observations, o -> o.fundedAt() == null ? null : Date.valueOf(o.fundedAt())),
                    new Column<>("numeric", observations, Observation::fundedAmount),
                    new Column<>("integer", observations, Observation::daysPastDue),
                    new Column<>(
                            "varchar",
                            observations,
                            o -> o.status() == null ? null : o.status().name()),
                    new Column<>("numeric", observations, Observation::principalOutstanding),
                    new Column<>("numeric", observations, Observation::lossAmount));
            return;
        }
        batch.batchUpdate(
                "delete from loan_observation where market = ? and application_id = ? and as_of = ?",
                observations,
                observations.size(),
                (ps, o) -> {
                    ps.setString(1, market);
                    ps.setString(2, o.applicationId());
                    ps.setDate(3, Date.valueOf(o.asOf()));
                });
        batch.batchUpdate("""
                insert into loan_observation (market, application_id, as_of, funded, funded_at, funded_amount,
                    days_past_due, status, principal_outstanding, loss_amount, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", observations, observations.size(), (ps, o) -> {
            Object[] values = {
                market,
                o.applicationId(),
                Date.valueOf(o.asOf()),
                o.funded(),
                o.fundedAt() == null ? null : Date.valueOf(o.fundedAt()),
                o.fundedAmount(),
                o.daysPastDue(),
                o.status() == null ? null : o.status().name(),
                o.principalOutstanding(),
                o.lossAmount(),
                Timestamp.from(receivedAt)
            };
            set(ps, values);
        });
    }

    List<Observation> observationsOf(String market, Collection<String> applicationIds) {
        List<Observation> found = new ArrayList<>();
        List<String> ids = List.copyOf(applicationIds);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
            // H2 takes an IN list through an index only on the index's first column, and with the market
            // beside it chose the primary key (market first) and compared every observation of the market
            // with the ids: a cost growing with the table. Asked for the ids alone it looks each up in
            // loan_observation_application (V33); the market is then checked on the few rows found.
            // PostgreSQL searches the primary key for the ids within the market.
            found.addAll(jdbc
                    .sql("""
                    select market, application_id, as_of, funded, funded_at, funded_amount, days_past_due, status,
                        principal_outstanding, loss_amount from loan_observation
                    where application_id in (:ids)""" + (postgres ? " and market = :market" : ""))
                    .params(postgres ? Map.of("ids", chunk, "market", market) : Map.of("ids", chunk))
                    .query((rs, n) -> Map.entry(
                            rs.getString("market"),
                            new Observation(
                                    rs.getString("application_id"),
                                    rs.getDate("as_of").toLocalDate(),
                                    rs.getBoolean("funded"),
                                    rs.getDate("funded_at") == null
                                            ? null
                                            : rs.getDate("funded_at").toLocalDate(),
                                    rs.getBigDecimal("funded_amount"),
                                    rs.getObject("days_past_due", Integer.class),
                                    rs.getString("status") == null ? null : LoanStatus.valueOf(rs.getString("status")),
                                    rs.getBigDecimal("principal_outstanding"),
                                    rs.getBigDecimal("loss_amount"))))
                    .list()
                    .stream()
                    .filter(row -> row.getKey().equals(market))
                    .map(Map.Entry::getValue)
                    .toList());
        }
        return found;
    }

    void replacePerformance(String market, List<LoanPerformance> loans) {
        if (postgres) {
            upsert(
                    """
                    insert into loan_performance (market, application_id, policy_version, arm, experiment_id, decision,
                        score, probability, decided_at, funded, funded_at, funded_month, funded_amount, months_observed,
                        bad_month, matured, loss_amount, last_as_of, score_bin, probability_bin)
                    select ?, * from unnest(?::varchar[], ?::integer[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::float8[], ?::float8[], ?::timestamptz[], ?::boolean[], ?::date[], ?::varchar[], ?::numeric[],
                        ?::integer[], ?::integer[], ?::boolean[], ?::numeric[], ?::date[], ?::float8[], ?::float8[])
                    on conflict (market, application_id) do update set policy_version = excluded.policy_version,
                        arm = excluded.arm, experiment_id = excluded.experiment_id, decision = excluded.decision,
                        score = excluded.score, probability = excluded.probability, decided_at = excluded.decided_at,
                        funded = excluded.funded, funded_at = excluded.funded_at, funded_month = excluded.funded_month,
                        funded_amount = excluded.funded_amount, months_observed = excluded.months_observed,
                        bad_month = excluded.bad_month, matured = excluded.matured, loss_amount = excluded.loss_amount,
                        last_as_of = excluded.last_as_of, score_bin = excluded.score_bin,
                        probability_bin = excluded.probability_bin""",
                    new Object[] {market},
                    new Column<>("varchar", loans, l -> l.decision().applicationId()),
                    new Column<>("integer", loans, l -> l.decision().policyVersion()),
                    new Column<>("varchar", loans, l -> l.decision().arm()),
                    new Column<>("varchar", loans, l -> l.decision().experimentId()),
                    new Column<>("varchar", loans, l -> l.decision().decision()),
                    new Column<>("float8", loans, l -> l.decision().score()),
                    new Column<>("float8", loans, l -> l.decision().probability()),
                    new Column<>(
                            "timestamptz", loans, l -> l.decision().decidedAt().toString()),
                    new Column<>("boolean", loans, LoanPerformance::funded),
                    new Column<>("date", loans, l -> l.fundedAt() == null ? null : Date.valueOf(l.fundedAt())),
                    new Column<>("varchar", loans, LoanPerformance::fundedMonth),
                    new Column<>("numeric", loans, LoanPerformance::fundedAmount),
                    new Column<>("integer", loans, LoanPerformance::monthsObserved),
                    new Column<>("integer", loans, LoanPerformance::badMonth),
                    new Column<>("boolean", loans, LoanPerformance::matured),
                    new Column<>("numeric", loans, LoanPerformance::lossAmount),
                    new Column<>("date", loans, l -> Date.valueOf(l.lastAsOf())),
                    new Column<>("float8", loans, l -> bin(l.decision().score(), 2)),
                    new Column<>("float8", loans, l -> bin(l.decision().probability(), 4)));
            return;
        }
        batch.batchUpdate(
                "delete from loan_performance where market = ? and application_id = ?",
                loans,
                loans.size(),
                (ps, l) -> {
                    ps.setString(1, market);
                    ps.setString(2, l.decision().applicationId());
                });
        batch.batchUpdate("""
                insert into loan_performance (market, application_id, policy_version, arm, experiment_id, decision, score,
                    probability, decided_at, funded, funded_at, funded_month, funded_amount, months_observed, bad_month,
                    matured, loss_amount, last_as_of, score_bin, probability_bin)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", loans, loans.size(), (ps, l) -> {
            DecidedApplication d = l.decision();
            Object[] values = {
                market,
                d.applicationId(),
                d.policyVersion(),
                d.arm(),
                d.experimentId(),
                d.decision(),
                d.score(),
                d.probability(),
                Timestamp.from(d.decidedAt()),
                l.funded(),
                l.fundedAt() == null ? null : Date.valueOf(l.fundedAt()),
                l.fundedMonth(),
                l.fundedAmount(),
                l.monthsObserved(),
                l.badMonth(),
                l.matured(),
                l.lossAmount(),
                Date.valueOf(l.lastAsOf()),
                bin(d.score(), 2),
                bin(d.probability(), 4)
            };
            set(ps, values);
        });
    }

    /** Which loans of a version (or of an experiment's arm) the report covers. */
    record Scope(String market, Integer version, Instant from, Instant to, String experimentId) {

        static Scope of(String market, Integer version, Instant from, Instant to) {
            return new Scope(market, version, from, to, null);
        }

        static Scope experiment(String market, String experimentId) {
            return new Scope(market, null, null, null, experimentId);
        }

        String where(List<Object> params) {
            StringBuilder sql = new StringBuilder(" where market = ?");
            params.add(market);
            if (version != null) {
                sql.append(" and policy_version = ?");
                params.add(version);
            }
            if (from != null) {
                sql.append(" and decided_at >= ?");
                params.add(Timestamp.from(from));
            }
            if (to != null) {
                sql.append(" and decided_at < ?");
                params.add(Timestamp.from(to));
            }
            if (experimentId != null) {
                sql.append(" and experiment_id = ?");
                params.add(experimentId);
            }
            return sql.toString();
        }
    }

    /** Loans with outcomes grouped by {@code group} (policy_version or arm). */
    record Totals(
            String group, long reported, long funded, long bad, long matured, long maturedBad, BigDecimal lossAmount) {}

    List<Totals> totals(Scope scope, String group) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params);
        // count(*) filter (...) and count(column) rather than sum(case ... then 1 else 0 end): the same
        // figures, a fifth less CPU on a narrow copy of the table and never slower (docs/performance.md,
        // round 4). A sum of losses over no loan is null, read as zero.
        return jdbc.sql("select " + group + " as grp, count(*) as reported,"
                        + " count(*) filter (where funded) as funded,"
                        + " count(bad_month) filter (where funded) as bad,"
                        + " count(*) filter (where funded and matured) as matured,"
                        + " count(bad_month) filter (where funded and matured) as matured_bad,"
                        + " sum(loss_amount) filter (where funded) as loss"
                        + " from loan_performance" + where + " group by " + group)
                .params(params)
                .query((rs, n) -> new Totals(
                        rs.getString("grp"),
                        rs.getLong("reported"),
                        rs.getLong("funded"),
                        rs.getLong("bad"),
                        rs.getLong("matured"),
                        rs.getLong("matured_bad"),
                        rs.getBigDecimal("loss") == null ? BigDecimal.ZERO : rs.getBigDecimal("loss")))
                .list();
    }

    /**
     * Funded loans with a score, counted per version and distinct score (two decimals) and probability
     * (four): the histogram Gini, KS and calibration are computed from.
     */
    record ScoreBin(
            int version,
            double score,
            Double probability,
            long count,
            long bad,
            long matured,
            long maturedBad,
            double probabilitySum,
            long probabilityCount) {}

    List<ScoreBin> scoreBins(Scope scope) {
        if (postgres) {
            // The planner cannot estimate the groups of a column that is all null (probability_bin under a
            // scorecard), guesses a tenth of the rows and sorts 700,000 loans on disk within the default 4 MB;
            // a few hundred groups hash in memory. Local: the setting ends with the report's transaction.
            batch.execute("set local work_mem = '64MB'");
        }
        List<Object> params = new ArrayList<>();
        String where = scope.where(params);
        return jdbc.sql("select policy_version, score_bin as s, probability_bin as p, count(*) as n,"
                        + " count(bad_month) as bad, count(*) filter (where matured) as matured,"
                        + " count(bad_month) filter (where matured) as matured_bad,"
                        + " sum(probability) as p_sum, count(probability) as p_count"
                        + " from loan_performance" + where + " and funded and score is not null"
                        + " group by policy_version, score_bin, probability_bin")
                .params(params)
                .query((rs, n) -> new ScoreBin(
                        rs.getInt("policy_version"),
                        rs.getDouble("s"),
                        rs.getObject("p") == null ? null : rs.getDouble("p"),
                        rs.getLong("n"),
                        rs.getLong("bad"),
                        rs.getLong("matured"),
                        rs.getLong("matured_bad"),
                        rs.getDouble("p_sum"),
                        rs.getLong("p_count")))
                .list();
    }

    /** When the version's first funded, scored loan with outcomes was decided; null while there is none. */
    Instant firstDecided(String market, int version) {
        // min() over no row is one null row, which single() would refuse
        List<Timestamp> first = jdbc.sql("select min(decided_at) from loan_performance"
                        + " where market = ? and policy_version = ? and funded and score is not null")
                .params(market, version)
                .query((rs, n) -> rs.getTimestamp(1))
                .list();
        return first.isEmpty() || first.get(0) == null ? null : first.get(0).toInstant();
    }

    /** Funded loans per group, funding month and month on book of going bad (null: not bad). */
    record VintageCell(String group, String fundedMonth, Integer badMonth, long count, int monthsObserved) {}

    List<VintageCell> vintages(Scope scope, String group) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params);
        return jdbc.sql("select " + group
                        + " as grp, funded_month, bad_month, count(*) as n, max(months_observed) as mo"
                        + " from loan_performance" + where + " and funded group by " + group
                        + ", funded_month, bad_month")
                .params(params)
                .query((rs, n) -> new VintageCell(
                        rs.getString("grp"),
                        rs.getString("funded_month"),
                        rs.getObject("bad_month", Integer.class),
                        rs.getLong("n"),
                        rs.getInt("mo")))
                .list();
    }

    /**
     * The score (two decimals) or probability (four) a loan is counted under in the score histogram, as
     * the databases' round(cast(x as numeric(20, 6)), n) gives it (half away from zero, after six
     * decimals); kept in the row so a report groups a column instead of rounding every loan.
     */
    static Double bin(Double value, int decimals) {
        if (value == null) return null;
        return BigDecimal.valueOf(value)
                .setScale(6, RoundingMode.HALF_UP)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** One column of a batch, sent to PostgreSQL as one array parameter. */
    private record Column<T>(String type, List<T> rows, Function<T, Object> value) {

        Object[] values() {
            return rows.stream().map(value).toArray();
        }
    }

    /**
     * PostgreSQL: a whole batch in one statement, its columns as arrays unnested into rows, each replacing
     * its key's row. Ten thousand deletes and inserts sent one by one cost ten thousand round trips each.
     * {@code leading} are the scalar parameters, which come before the arrays in the SQL.
     */
    private void upsert(String sql, Object[] leading, Column<?>... columns) {
        batch.execute((java.sql.Connection connection) -> {
            try (var ps = connection.prepareStatement(sql)) {
                int i = 1;
                for (Object value : leading) {
                    StatementCreatorUtils.setParameterValue(ps, i++, SqlTypeValue.TYPE_UNKNOWN, value);
                }
                for (Column<?> column : columns)
                    ps.setArray(i++, connection.createArrayOf(column.type(), column.values()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void set(java.sql.PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
        }
    }
}

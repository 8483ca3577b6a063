package io.credence.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind decision searches, in what H2 and PostgreSQL both run. A customer id is matched through
 * its per-market hash (the indexed {@code customer_key}); a reason code as a whole code in the
 * comma-separated {@code reason_codes}.
 */
@Repository
class DecisionSearchQueries {

    static final String SUMMARY_COLUMNS =
            "id, application_id, market, outcome, score, policy_version, arm, evaluated_at, "
                    + "duration_micros, fault, reason_codes";

    private final JdbcTemplate jdbc;

    DecisionSearchQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(DecisionFilter filter) {
        Where where = where(filter);
        Long count =
                jdbc.queryForObject("select count(*) from decision" + where.sql, Long.class, where.params.toArray());
        return count == null ? 0 : count;
    }

    List<DecisionSummary> page(DecisionFilter filter, int page, int size) {
        return slice(filter, (long) page * size, size);
    }

    List<DecisionSummary> slice(DecisionFilter filter, long offset, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        return jdbc.query(
                "select " + SUMMARY_COLUMNS + " from decision" + where.sql
                        + " order by evaluated_at desc, id limit ? offset ?",
                (rs, n) -> summary(rs),
                params.toArray());
    }

    /** Every matching decision, newest first, handed over one at a time as the database streams them. */
    void each(DecisionFilter filter, Consumer<ExportRow> row) {
        Where where = where(filter);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("select " + SUMMARY_COLUMNS + " from decision"
                            + where.sql + " order by evaluated_at desc, id");
                    // PostgreSQL streams with a cursor only when a fetch size is set (inside the caller's transaction).
                    statement.setFetchSize(500);
                    for (int i = 0; i < where.params.size(); i++) statement.setObject(i + 1, where.params.get(i));
                    return statement;
                },
                (ResultSet rs) -> {
                    row.accept(new ExportRow(summary(rs), rs.getString("reason_codes")));
                });
    }

    record ExportRow(DecisionSummary summary, String reasonCodes) {}

    record OutcomeCount(String market, String outcome, long count, double meanMicros) {}

    List<OutcomeCount> outcomes(Instant from, Instant to) {
        return jdbc.query(
                """
                select market, outcome, count(*) as n, avg(duration_micros) as mean from decision
                where evaluated_at >= ? and evaluated_at < ? group by market, outcome""",
                (rs, n) -> new OutcomeCount(
                        rs.getString("market"), rs.getString("outcome"), rs.getLong("n"), rs.getDouble("mean")),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    List<Long> latestDurations(String market, Instant from, Instant to, int limit) {
        return jdbc.queryForList(
                "select duration_micros from decision where market = ? and evaluated_at >= ? "
                        + "and evaluated_at < ? order by evaluated_at desc limit " + limit,
                Long.class,
                market,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    private Where where(DecisionFilter filter) {
        Where where = new Where();
        where.add("market = ?", filter.market());
        where.add("outcome = ?", filter.outcome());
        where.add("application_id = ?", filter.applicationId());
        where.add("policy_version = ?", filter.version());
        where.add("arm = ?", filter.arm());
        if (filter.reasonCode() != null) {
            where.add("(',' || reason_codes || ',') like ?", "%," + escapeLike(filter.reasonCode()) + ",%");
        }
        where.add("evaluated_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        where.add("evaluated_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (filter.customerId() != null) {
            List<String> markets = filter.market() != null
                    ? List.of(filter.market())
                    : jdbc.queryForList("select distinct market from decision_application", String.class);
            List<String> keys = markets.stream()
                    .map(m -> NewDecision.customerKey(m, filter.customerId()))
                    .toList();
            if (keys.isEmpty()) {
                where.sql.append(" and 1 = 0");
            } else {
                where.sql
                        .append(" and customer_key in (")
                        .append(String.join(", ", keys.stream().map(k -> "?").toList()))
                        .append(')');
                where.params.addAll(keys);
            }
        }
        return where;
    }

    /** Reason codes hold no % or _ wildcards worth matching literally; _ is escaped so ABC_1 finds only ABC_1. */
    private static String escapeLike(String code) {
        return code.replace("_", "\\_").replace("%", "\\%");
    }

    /** One row of the decision table as the lists show it; the plain lookup reads rows the same way. */
    static DecisionSummary summary(ResultSet rs) throws SQLException {
        return new DecisionSummary(
                rs.getString("id"),
                rs.getString("application_id"),
                rs.getString("market"),
                rs.getString("outcome"),
                rs.getBigDecimal("score"),
                rs.getInt("policy_version"),
                rs.getString("arm"),
                rs.getTimestamp("evaluated_at").toInstant(),
                rs.getLong("duration_micros"),
                rs.getString("fault") != null);
    }

    private static final class Where {
        final StringBuilder sql = new StringBuilder(" where 1 = 1");
        final List<Object> params = new ArrayList<>();

        void add(String condition, Object value) {
            if (value == null) return;
            sql.append(" and ").append(condition);
            params.add(value);
        }
    }
}

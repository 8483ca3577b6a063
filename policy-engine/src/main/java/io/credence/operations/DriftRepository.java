package io.credence.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps the drift_alert episodes. Plain SQL that H2 and PostgreSQL share. */
@Repository
class DriftRepository {

    private final JdbcClient jdbc;

    DriftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DriftAlert> active() {
        return jdbc.sql("select * from drift_alert where open_key is not null order by raised_at, market, kind")
                .query(DriftRepository::map)
                .list();
    }

    /** Fails with DuplicateKeyException when the market already has an active alert of this kind. */
    void open(DriftAlert alert, String raisedBy) {
        jdbc.sql("""
                insert into drift_alert (id, market, kind, open_key, measure, threshold, current_value, baseline_value,
                    window_start, window_end, raised_at, raised_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        alert.id(),
                        alert.market(),
                        alert.kind(),
                        openKey(alert.market(), alert.kind()),
                        alert.measure(),
                        alert.limit(),
                        alert.currentValue(),
                        alert.baselineValue(),
                        Timestamp.from(alert.windowStart()),
                        Timestamp.from(alert.windowEnd()),
                        Timestamp.from(alert.raisedAt()),
                        raisedBy)
                .update();
    }

    /** True for the one caller that closed it; every other instance finds it closed already. */
    boolean resolve(String market, String kind, Instant at) {
        return jdbc.sql("update drift_alert set open_key = null, resolved_at = ? where open_key = ?")
                        .params(Timestamp.from(at), openKey(market, kind))
                        .update()
                == 1;
    }

    private static String openKey(String market, String kind) {
        return market + ":" + kind;
    }

    private static DriftAlert map(ResultSet rs, int row) throws SQLException {
        return DriftAlert.of(
                rs.getString("id"),
                rs.getString("market"),
                rs.getString("kind"),
                rs.getDouble("measure"),
                rs.getDouble("threshold"),
                nullable(rs, "current_value"),
                nullable(rs, "baseline_value"),
                rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(),
                rs.getTimestamp("raised_at").toInstant());
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}

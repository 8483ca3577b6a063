package io.credence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Head(long seq, String hash) {}

    /** The chain's head, locked until the transaction ends so concurrent appends serialise on it. */
    Head lockHead() {
        return jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
    }

    Head head() {
        return jdbc.sql("select seq, hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
    }

    void moveHead(long seq, String hash) {
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1")
                .params(seq, hash)
                .update();
    }

    void insert(AuditEntry e) {
        jdbc.sql("""
                insert into audit_event (seq, at, actor, market, action, subject, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.seq(),
                        Timestamp.from(e.at()),
                        e.actor(),
                        e.market(),
                        e.action(),
                        e.subject(),
                        e.detail(),
                        e.prevHash(),
                        e.hash())
                .update();
    }

    List<AuditEntry> find(String market, String actor, String action, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (market != null) {
            sql.append(" and market = ?");
            params.add(market);
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            params.add(actor);
        }
        if (action != null) {
            sql.append(" and action = ?");
            params.add(action);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(to));
        }
        sql.append(" order by seq desc limit ").append(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(AuditRepository::map)
                .list();
    }

    void forEachInOrder(Consumer<AuditEntry> visitor) {
        jdbc.sql("select * from audit_event order by seq").query(AuditRepository::map).stream()
                .forEach(visitor);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("market"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}

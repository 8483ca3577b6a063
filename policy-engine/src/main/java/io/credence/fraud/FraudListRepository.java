package io.credence.fraud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FraudListRepository {

    private final JdbcClient jdbc;

    FraudListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FraudListEntry e) {
        jdbc.sql("""
                insert into fraud_list_entry (id, market, list, entry, reason, expires_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.id(),
                        e.market(),
                        e.list(),
                        e.entry(),
                        e.reason(),
                        e.expiresAt() == null ? null : Timestamp.from(e.expiresAt()),
                        e.createdBy(),
                        Timestamp.from(e.createdAt()))
                .update();
    }

    Optional<FraudListEntry> find(String id) {
        return jdbc.sql("select * from fraud_list_entry where id = ? and removed_at is null")
                .param(id)
                .query(FraudListRepository::map)
                .optional();
    }

    List<FraudListEntry> active(String market) {
        return jdbc.sql(
                        "select * from fraud_list_entry where market = ? and removed_at is null order by created_at desc")
                .param(market)
                .query(FraudListRepository::map)
                .list();
    }

    List<FraudListEntry> allActive() {
        return jdbc.sql("select * from fraud_list_entry where removed_at is null")
                .query(FraudListRepository::map)
                .list();
    }

    void remove(String id, String actor, Instant at) {
        jdbc.sql("update fraud_list_entry set removed_at = ?, removed_by = ? where id = ?")
                .params(Timestamp.from(at), actor, id)
                .update();
    }

    private static FraudListEntry map(ResultSet rs, int n) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new FraudListEntry(
                rs.getString("id"),
                rs.getString("market"),
                rs.getString("list"),
                rs.getString("entry"),
                rs.getString("reason"),
                expires == null ? null : expires.toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}

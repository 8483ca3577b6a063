package io.credence.security;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String hash) {
        jdbc.sql(
                        "insert into api_key (id, name, key_hash, created_by, created_at, markets, expires_on) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        key.id(),
                        key.name(),
                        hash,
                        key.createdBy(),
                        Timestamp.from(key.createdAt()),
                        markets(key.markets()),
                        date(key.expiresOn()))
                .update();
    }

    void limit(String id, List<String> markets, LocalDate expiresOn) {
        jdbc.sql("update api_key set markets = ?, expires_on = ? where id = ?")
                .params(markets(markets), date(expiresOn), id)
                .update();
    }

    Optional<ApiKey> findActiveByHash(String hash) {
        return jdbc.sql("select * from api_key where key_hash = ? and revoked_at is null")
                .param(hash)
                .query(ApiKeyRepository::map)
                .optional();
    }

    Optional<ApiKey> find(String id) {
        return jdbc.sql("select * from api_key where id = ?")
                .param(id)
                .query(ApiKeyRepository::map)
                .optional();
    }

    List<ApiKey> findAll() {
        return jdbc.sql("select * from api_key order by created_at desc")
                .query(ApiKeyRepository::map)
                .list();
    }

    List<ApiKey> findActiveByName(String name) {
        return jdbc.sql("select * from api_key where name = ? and revoked_at is null")
                .param(name)
                .query(ApiKeyRepository::map)
                .list();
    }

    long countActive() {
        return jdbc.sql("select count(*) from api_key where revoked_at is null")
                .query(Long.class)
                .single();
    }

    void revoke(String id, Instant at) {
        jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), id)
                .update();
    }

    void touch(String id, Instant at) {
        jdbc.sql("update api_key set last_used_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    private static ApiKey map(ResultSet rs, int n) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")),
                markets(rs.getString("markets")),
                rs.getDate("expires_on") == null
                        ? null
                        : rs.getDate("expires_on").toLocalDate());
    }

    private static String markets(List<String> markets) {
        return markets.isEmpty() ? null : String.join(",", markets);
    }

    private static List<String> markets(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

package io.credence.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeploymentRepository {

    private final JdbcClient jdbc;

    DeploymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String market, int version, String action, String actor, Instant at, long durationMs, String reason) {
        jdbc.sql(
                        "insert into deployment (market, version, action, actor, at, duration_ms, reason) values (?, ?, ?, ?, ?, ?, ?)")
                .params(market, version, action, actor, Timestamp.from(at), durationMs, reason)
                .update();
    }

    List<Deployment> history(String market) {
        return jdbc.sql("select * from deployment where market = ? order by id desc")
                .param(market)
                .query(DeploymentRepository::map)
                .list();
    }

    long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from deployment")
                .query(Long.class)
                .single();
    }

    /**
     * Each market's champion stack, oldest first: a deploy or promote pushes, a rollback pops. The
     * top is the champion; the one below it is where a rollback goes.
     */
    Map<String, Deque<Integer>> championStacks() {
        Map<String, Deque<Integer>> stacks = new LinkedHashMap<>();
        jdbc.sql("select market, version, action from deployment order by id").query(rs -> {
            Deque<Integer> stack = stacks.computeIfAbsent(rs.getString("market"), m -> new ArrayDeque<>());
            if ("ROLLBACK".equals(rs.getString("action"))) {
                if (!stack.isEmpty()) stack.removeLast();
            } else {
                stack.addLast(rs.getInt("version"));
            }
        });
        return stacks;
    }

    private static Deployment map(ResultSet rs, int n) throws SQLException {
        long duration = rs.getLong("duration_ms");
        return new Deployment(
                rs.getLong("id"),
                rs.getString("market"),
                rs.getInt("version"),
                rs.getString("action"),
                rs.getString("actor"),
                rs.getTimestamp("at").toInstant(),
                rs.wasNull() ? null : duration,
                rs.getString("reason"));
    }
}

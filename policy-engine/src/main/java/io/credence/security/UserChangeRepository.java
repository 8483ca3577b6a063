package io.credence.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserChangeRepository {

    record Row(UserChange change, String passwordHash) {}

    private final JdbcClient jdbc;

    UserChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserChange c, String passwordHash) {
        jdbc.sql("""
                insert into user_change (id, username, kind, roles, password_hash, proposed_by, proposed_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        c.id(),
                        c.username(),
                        c.resetsPassword() ? "RESET" : "GRANT",
                        c.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        passwordHash,
                        c.proposedBy(),
                        Timestamp.from(c.proposedAt()),
                        c.status().name())
                .update();
    }

    Optional<Row> findForUpdate(String id) {
        return jdbc.sql("select * from user_change where id = ? for update")
                .param(id)
                .query((rs, n) -> new Row(map(rs), rs.getString("password_hash")))
                .optional();
    }

    List<UserChange> pending() {
        return jdbc.sql("select * from user_change where status = 'PENDING' order by proposed_at")
                .query((rs, n) -> map(rs))
                .list();
    }

    void decide(String id, UserChange.Status status, String actor, Instant at) {
        // The hash of a proposed password is of no use once decided: it goes.
        jdbc.sql("update user_change set status = ?, decided_by = ?, decided_at = ?, password_hash = null where id = ?")
                .params(status.name(), actor, Timestamp.from(at), id)
                .update();
    }

    private static UserChange map(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        String roles = rs.getString("roles");
        Set<Role> parsed = roles == null || roles.isBlank()
                ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(","))
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserChange(
                rs.getString("id"),
                rs.getString("username"),
                parsed,
                "RESET".equals(rs.getString("kind")),
                rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(),
                UserChange.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}

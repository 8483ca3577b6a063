package io.credence.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    record Row(UserAccount account, String passwordHash) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Row> find(String username) {
        return jdbc.sql("select * from app_user where username = ?")
                .param(username)
                .query((rs, n) -> new Row(
                        new UserAccount(
                                rs.getString("username"),
                                roles(rs.getString("roles")),
                                rs.getBoolean("enabled"),
                                rs.getTimestamp("created_at").toInstant()),
                        rs.getString("password_hash")))
                .optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("select * from app_user order by username")
                .query((rs, n) -> new UserAccount(
                        rs.getString("username"),
                        roles(rs.getString("roles")),
                        rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    void upsert(String username, String passwordHash, Set<Role> roles, boolean enabled) {
        String roleText = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        int updated = jdbc.sql("update app_user set password_hash = ?, roles = ?, enabled = ? where username = ?")
                .params(passwordHash, roleText, enabled, username)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into app_user (username, password_hash, roles, enabled, created_at) values (?, ?, ?, ?, ?)")
                    .params(username, passwordHash, roleText, enabled, Timestamp.from(clock.instant()))
                    .update();
        }
    }

    Optional<String> language(String username) {
        return jdbc.sql("select language from app_user where username = ?")
                .param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getString("language")))
                .optional()
                .flatMap(l -> l);
    }

    int setLanguage(String username, String languageTag) {
        return jdbc.sql("update app_user set language = ? where username = ?")
                .params(languageTag, username)
                .update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where username = ?")
                .params(enabled, username)
                .update();
    }

    private static Set<Role> roles(String text) {
        if (text == null || text.isBlank()) return EnumSet.noneOf(Role.class);
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}

package io.credence.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LineCommentRepository {

    private final JdbcClient jdbc;

    LineCommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LineComment c) {
        jdbc.sql("insert into review_comment (id, market, version, artifact, side, line, author, created_at, body) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.market(),
                        c.version(),
                        c.artifact(),
                        c.side(),
                        c.line(),
                        c.author(),
                        Timestamp.from(c.createdAt()),
                        c.text())
                .update();
    }

    List<LineComment> of(String market, int version) {
        return jdbc.sql("select * from review_comment where market = ? and version = ? order by created_at, id")
                .params(market, version)
                .query(LineCommentRepository::map)
                .list();
    }

    private static LineComment map(ResultSet rs, int n) throws SQLException {
        return new LineComment(
                rs.getString("id"),
                rs.getString("market"),
                rs.getInt("version"),
                rs.getString("artifact"),
                rs.getString("side"),
                rs.getInt("line"),
                rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("body"));
    }
}

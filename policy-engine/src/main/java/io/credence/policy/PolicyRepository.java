package io.credence.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PolicyRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    int nextVersion(String market) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from policy_version where market = ?")
                .param(market)
                .query(Integer.class)
                .single();
    }

    void insert(PolicyVersion v, Map<String, String> artifacts) {
        jdbc.sql("""
                insert into policy_version (market, version, status, based_on, author, digest, note, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        v.market(),
                        v.version(),
                        v.status().name(),
                        v.basedOn(),
                        v.author(),
                        v.digest(),
                        v.note(),
                        Timestamp.from(v.createdAt()))
                .update();
        artifacts.forEach((name, content) -> jdbc.sql(
                        "insert into policy_artifact (market, version, name, content) values (?, ?, ?, ?)")
                .params(v.market(), v.version(), name, content)
                .update());
    }

    Optional<PolicyVersion> find(String market, int version) {
        return jdbc.sql("select * from policy_version where market = ? and version = ?")
                .params(market, version)
                .query(this::map)
                .optional()
                .map(v -> withArtifacts(v, artifacts(market, version)));
    }

    /** Locks the version's row until the transaction ends, so two reviewers cannot both act on it. */
    Optional<PolicyVersion> findForUpdate(String market, int version) {
        return jdbc.sql("select * from policy_version where market = ? and version = ? for update")
                .params(market, version)
                .query(this::map)
                .optional();
    }

    List<PolicyVersion> list(String market) {
        return jdbc.sql("select * from policy_version where market = ? and status <> 'DISCARDED' order by version desc")
                .param(market)
                .query(this::map)
                .list();
    }

    List<PolicyVersion> listByStatus(VersionStatus status) {
        return jdbc.sql("select * from policy_version where status = ? order by market, version")
                .param(status.name())
                .query(this::map)
                .list();
    }

    List<String> markets() {
        return jdbc.sql("select distinct market from policy_version order by market")
                .query(String.class)
                .list();
    }

    SortedMap<String, String> artifacts(String market, int version) {
        SortedMap<String, String> artifacts = new TreeMap<>();
        jdbc.sql("select name, content from policy_artifact where market = ? and version = ?")
                .params(market, version)
                .query(rs -> {
                    artifacts.put(rs.getString("name"), rs.getString("content"));
                });
        return artifacts;
    }

    void updateStatus(String market, int version, VersionStatus status) {
        jdbc.sql("update policy_version set status = ? where market = ? and version = ?")
                .params(status.name(), market, version)
                .update();
    }

    void markSubmitted(String market, int version, Instant at) {
        jdbc.sql("update policy_version set status = ?, submitted_at = ? where market = ? and version = ?")
                .params(VersionStatus.IN_REVIEW.name(), Timestamp.from(at), market, version)
                .update();
    }

    void markReviewed(String market, int version, VersionStatus status, String reviewer, String comment, Instant at) {
        jdbc.sql("""
                update policy_version set status = ?, reviewer = ?, review_comment = ?, reviewed_at = ?
                where market = ? and version = ?""")
                .params(status.name(), reviewer, comment, Timestamp.from(at), market, version)
                .update();
    }

    /** Replaces a draft's artifacts and digest; drafts are the only versions that may change. */
    void replaceDraft(String market, int version, Map<String, String> artifacts, String digest, String note) {
        jdbc.sql("update policy_version set digest = ?, note = ? where market = ? and version = ? and status = 'DRAFT'")
                .params(digest, note, market, version)
                .update();
        jdbc.sql("delete from policy_artifact where market = ? and version = ?")
                .params(market, version)
                .update();
        artifacts.forEach((name, content) -> jdbc.sql(
                        "insert into policy_artifact (market, version, name, content) values (?, ?, ?, ?)")
                .params(market, version, name, content)
                .update());
    }

    void storeTestResults(String market, int version, List<TestCaseResult> results) {
        jdbc.sql("update policy_version set test_results = ? where market = ? and version = ?")
                .params(json.writeValueAsString(results), market, version)
                .update();
    }

    List<PolicyTestCase> testCases(String market, int version) {
        return jdbc.sql("select * from policy_test_case where market = ? and version = ? order by created_at, id")
                .params(market, version)
                .query((rs, n) -> new PolicyTestCase(
                        rs.getString("id"),
                        rs.getString("name"),
                        json.readTree(rs.getString("application_json")),
                        rs.getString("expected_outcome"),
                        splitReasons(rs.getString("expected_reasons")),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBigDecimal("expected_amount"),
                        rs.getBigDecimal("amount_tolerance"),
                        rs.getBigDecimal("expected_apr"),
                        rs.getBigDecimal("apr_tolerance")))
                .list();
    }

    void insertTestCase(String market, int version, PolicyTestCase t) {
        jdbc.sql("""
                insert into policy_test_case (id, market, version, name, application_json, expected_outcome,
                    expected_reasons, created_by, created_at, expected_amount, amount_tolerance, expected_apr,
                    apr_tolerance) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        t.id(),
                        market,
                        version,
                        t.name(),
                        t.application().toString(),
                        t.expectedOutcome(),
                        t.expectedReasons() == null ? null : String.join(",", t.expectedReasons()),
                        t.createdBy(),
                        Timestamp.from(t.createdAt()),
                        t.expectedAmount(),
                        t.amountTolerance(),
                        t.expectedApr(),
                        t.aprTolerance())
                .update();
    }

    int deleteTestCase(String market, int version, String id) {
        return jdbc.sql("delete from policy_test_case where market = ? and version = ? and id = ?")
                .params(market, version, id)
                .update();
    }

    void deleteTestCases(String market, int version) {
        jdbc.sql("delete from policy_test_case where market = ? and version = ?")
                .params(market, version)
                .update();
    }

    private static List<String> splitReasons(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }

    private static PolicyVersion withArtifacts(PolicyVersion v, SortedMap<String, String> artifacts) {
        return new PolicyVersion(
                v.market(),
                v.version(),
                v.status(),
                v.basedOn(),
                v.author(),
                v.reviewer(),
                v.reviewComment(),
                v.digest(),
                v.note(),
                v.createdAt(),
                v.submittedAt(),
                v.reviewedAt(),
                artifacts,
                v.testResults());
    }

    private PolicyVersion map(ResultSet rs, int n) throws SQLException {
        return new PolicyVersion(
                rs.getString("market"),
                rs.getInt("version"),
                VersionStatus.valueOf(rs.getString("status")),
                rs.getObject("based_on", Integer.class),
                rs.getString("author"),
                rs.getString("reviewer"),
                rs.getString("review_comment"),
                rs.getString("digest"),
                rs.getString("note"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("reviewed_at")),
                null,
                testResults(rs.getString("test_results")));
    }

    private List<TestCaseResult> testResults(String text) {
        if (text == null) return List.of();
        return List.of(json.readValue(text, TestCaseResult[].class));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

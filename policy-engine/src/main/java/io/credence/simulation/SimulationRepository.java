package io.credence.simulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SimulationRepository {

    private static final String COLUMNS = "id, market, version, against, version_digest, against_digest, source, "
            + "file_name, request_json, status, progress, rows_read, rows_decided, rows_invalid, created_by, created_at, "
            + "started_at, finished_at, error";

    private final JdbcClient jdbc;

    SimulationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run as stored, without its (possibly large) result. */
    record Stored(
            String id,
            String market,
            int version,
            int against,
            String versionDigest,
            String againstDigest,
            String source,
            String fileName,
            String requestJson,
            SimulationStatus status,
            int progress,
            long rowsRead,
            long rowsDecided,
            long rowsInvalid,
            String createdBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    void insert(
            String id,
            String market,
            int version,
            int against,
            String source,
            String fileName,
            String requestJson,
            String createdBy,
            Instant at,
            String instanceId) {
        jdbc.sql("""
                insert into simulation (id, market, version, against, source, file_name, request_json, status, progress,
                    rows_read, rows_decided, rows_invalid, created_by, created_at, heartbeat_at, instance_id)
                values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, ?, ?, ?, ?)""")
                .params(
                        id,
                        market,
                        version,
                        against,
                        source,
                        fileName,
                        requestJson,
                        createdBy,
                        Timestamp.from(at),
                        Timestamp.from(at),
                        instanceId)
                .update();
    }

    /** A run that finished elsewhere (on Spark), stored complete in one statement: nothing half-saved. */
    void insertCompleted(
            String id,
            String market,
            int version,
            int against,
            String versionDigest,
            String againstDigest,
            String source,
            String fileName,
            String requestJson,
            SimulationReport report,
            String resultJson,
            String createdBy,
            Instant startedAt,
            Instant finishedAt,
            Instant at,
            String instanceId) {
        jdbc.sql("""
                insert into simulation (id, market, version, against, version_digest, against_digest, source, file_name,
                    request_json, status, progress, rows_read, rows_decided, rows_invalid, created_by, created_at,
                    started_at, finished_at, heartbeat_at, instance_id, result_json)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED', 100, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        market,
                        version,
                        against,
                        versionDigest,
                        againstDigest,
                        source,
                        fileName,
                        requestJson,
                        report.rowsRead(),
                        report.rowsDecided(),
                        report.rowsInvalid(),
                        createdBy,
                        Timestamp.from(at),
                        Timestamp.from(startedAt == null ? at : startedAt),
                        Timestamp.from(finishedAt == null ? at : finishedAt),
                        Timestamp.from(at),
                        instanceId,
                        resultJson)
                .update();
    }

    void started(String id, String versionDigest, String againstDigest, Instant at) {
        jdbc.sql("""
                update simulation set status = 'RUNNING', version_digest = ?, against_digest = ?, started_at = ?,
                    heartbeat_at = ? where id = ? and status = 'QUEUED'""")
                .params(versionDigest, againstDigest, Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    void progress(String id, int progress, long read, long decided, long invalid, Instant at) {
        jdbc.sql("""
                update simulation set progress = ?, rows_read = ?, rows_decided = ?, rows_invalid = ?, heartbeat_at = ?
                where id = ? and status = 'RUNNING'""")
                .params(progress, read, decided, invalid, Timestamp.from(at), id)
                .update();
    }

    void completed(String id, SimulationReport report, String resultJson, Instant at) {
        jdbc.sql("""
                update simulation set status = 'COMPLETED', progress = 100, rows_read = ?, rows_decided = ?,
                    rows_invalid = ?, result_json = ?, finished_at = ?, heartbeat_at = ?
                where id = ? and status = 'RUNNING'""")
                .params(
                        report.rowsRead(),
                        report.rowsDecided(),
                        report.rowsInvalid(),
                        resultJson,
                        Timestamp.from(at),
                        Timestamp.from(at),
                        id)
                .update();
    }

    void failed(String id, String error, Instant at) {
        jdbc.sql("""
                update simulation set status = 'FAILED', error = ?, finished_at = ?, heartbeat_at = ?
                where id = ? and status in ('QUEUED', 'RUNNING')""")
                .params(truncate(error), Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    /** Keeps this instance's unfinished runs visibly alive for the other instances of a cluster. */
    void heartbeat(String instanceId, Instant at) {
        jdbc.sql("update simulation set heartbeat_at = ? where instance_id = ? and status in ('QUEUED', 'RUNNING')")
                .params(Timestamp.from(at), instanceId)
                .update();
    }

    /** Fails unfinished runs of other instances whose heartbeat stopped before {@code cutoff}. */
    int failAbandoned(String instanceId, Instant cutoff, String error, Instant at) {
        return jdbc.sql("""
                update simulation set status = 'FAILED', error = ?, finished_at = ?
                where status in ('QUEUED', 'RUNNING') and instance_id <> ? and heartbeat_at < ?""")
                .params(error, Timestamp.from(at), instanceId, Timestamp.from(cutoff))
                .update();
    }

    int failAllOf(String instanceId, String error, Instant at) {
        return jdbc.sql("""
                update simulation set status = 'FAILED', error = ?, finished_at = ?
                where status in ('QUEUED', 'RUNNING') and instance_id = ?""").params(error, Timestamp.from(at), instanceId).update();
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from simulation where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<String> result(String id) {
        return jdbc.sql("select result_json from simulation where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    List<Stored> list(String market, Integer version, int limit) {
        if (version == null) {
            return jdbc.sql("select " + COLUMNS
                            + " from simulation where market = ? order by created_at desc, id limit " + limit)
                    .param(market)
                    .query(this::map)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + " from simulation where market = ? and version = ? "
                        + "order by created_at desc, id limit " + limit)
                .params(market, version)
                .query(this::map)
                .list();
    }

    Optional<Stored> latestCompleted(String market, int version) {
        return jdbc.sql("select " + COLUMNS
                        + " from simulation where market = ? and version = ? and status = 'COMPLETED' "
                        + "order by created_at desc, id limit 1")
                .params(market, version)
                .query(this::map)
                .optional();
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        return new Stored(
                rs.getString("id"),
                rs.getString("market"),
                rs.getInt("version"),
                rs.getInt("against"),
                rs.getString("version_digest"),
                rs.getString("against_digest"),
                rs.getString("source"),
                rs.getString("file_name"),
                rs.getString("request_json"),
                SimulationStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"),
                rs.getLong("rows_read"),
                rs.getLong("rows_decided"),
                rs.getLong("rows_invalid"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}

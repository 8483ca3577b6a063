package io.credence.decision;

import io.credence.engine.EngineResult;
import io.credence.engine.Reason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DecisionRepository {

    private static final String COLUMNS =
            "id, application_id, market, policy_version, policy_digest, request_hash, request_json, result_json, context_json, fault, challenger_json, "
                    + "api_key_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DecisionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Stores decisions and claims their application ids, one batch per table, in the caller's
     * transaction; an application id decided before fails the batch with DuplicateKeyException.
     */
    void insertAll(List<NewDecision> decisions) {
        batch.batchUpdate(
                "insert into decision_application (application_id, decision_id, market) values (?, ?, ?)",
                decisions,
                decisions.size(),
                (ps, d) -> {
                    ps.setString(1, d.applicationId());
                    ps.setString(2, d.id());
                    ps.setString(3, d.market());
                });
        batch.batchUpdate("""
                insert into decision (id, application_id, market, outcome, score, policy_version, policy_digest, arm,
                    experiment_id, request_hash, request_json, result_json, context_json, customer_key, device_key,
                    duration_micros, evaluated_at, fault, approved_amount, apr, reason_codes, challenger_outcome,
                    challenger_score, challenger_approved_amount, challenger_apr, challenger_reason_codes, challenger_json,
                    api_key_id, probability, challenger_probability)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", decisions, decisions.size(), (ps, d) -> {
            EngineResult challenger = d.challenger();
            Object[] values = {
                d.id(),
                d.applicationId(),
                d.market(),
                d.outcome(),
                d.score(),
                d.policyVersion(),
                d.policyDigest(),
                d.arm(),
                d.experimentId(),
                d.requestHash(),
                d.requestJson(),
                d.resultJson(),
                d.contextJson(),
                d.customerKey(),
                d.deviceKey(),
                d.durationMicros(),
                Timestamp.from(d.evaluatedAt()),
                d.fault(),
                d.answered().approvedAmount(),
                d.answered().apr(),
                reasonCodes(d.answered()),
                challenger == null ? null : challenger.outcome(),
                challenger == null ? null : challenger.score(),
                challenger == null ? null : challenger.approvedAmount(),
                challenger == null ? null : challenger.apr(),
                reasonCodes(challenger),
                d.challengerJson(),
                d.apiKeyId(),
                d.answered().probability(),
                challenger == null ? null : challenger.probability()
            };
            for (int i = 0; i < values.length; i++)
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
        });
    }

    /** The reason codes, comma-separated, as experiment statistics count them; whole codes only. */
    private static String reasonCodes(EngineResult result) {
        if (result == null) return null;
        StringBuilder codes = new StringBuilder();
        for (Reason reason : result.reasons()) {
            if (codes.length() + reason.code().length() + 1 > 1000) break;
            if (!codes.isEmpty()) codes.append(',');
            codes.append(reason.code());
        }
        return codes.toString();
    }

    Optional<StoredDecision> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from decision where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<StoredDecision> findByApplicationId(String applicationId) {
        return jdbc.sql("select decision_id from decision_application where application_id = ?")
                .param(applicationId)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    int countByDeviceSince(String deviceKey, Instant since) {
        return jdbc.sql("select count(*) from decision where device_key = ? and evaluated_at > ?")
                .params(deviceKey, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    int countByCustomerSince(String customerKey, Instant since) {
        return jdbc.sql("select count(*) from decision where customer_key = ? and evaluated_at > ?")
                .params(customerKey, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    List<DecisionSummary> search(
            String market, String outcome, String applicationId, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, application_id, market, outcome, score, policy_version, arm, evaluated_at, duration_micros,
                    fault from decision where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (market != null) {
            sql.append(" and market = ?");
            params.add(market);
        }
        if (outcome != null) {
            sql.append(" and outcome = ?");
            params.add(outcome);
        }
        if (applicationId != null) {
            sql.append(" and application_id = ?");
            params.add(applicationId);
        }
        if (from != null) {
            sql.append(" and evaluated_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and evaluated_at < ?");
            params.add(Timestamp.from(to));
        }
        sql.append(" order by evaluated_at desc limit ").append(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> DecisionSearchQueries.summary(rs))
                .list();
    }

    /**
     * Retention: forgets the requests of up to {@code batch} decisions evaluated before {@code cutoff};
     * their results, reasons, context and hashes stay.
     */
    int purgeRequestsBefore(Instant cutoff, int batch) {
        return jdbc.sql("update decision set request_json = null where evaluated_at < ? and id in "
                        + "(select id from decision where evaluated_at < ? and request_json is not null limit ?)")
                .params(Timestamp.from(cutoff), Timestamp.from(cutoff), batch)
                .update();
    }

    private StoredDecision map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredDecision(
                rs.getString("id"),
                rs.getString("application_id"),
                rs.getString("market"),
                rs.getInt("policy_version"),
                rs.getString("policy_digest"),
                rs.getString("request_hash"),
                rs.getString("request_json"),
                rs.getString("result_json"),
                rs.getString("context_json"),
                rs.getString("fault"),
                rs.getString("challenger_json"),
                rs.getString("api_key_id"));
    }
}

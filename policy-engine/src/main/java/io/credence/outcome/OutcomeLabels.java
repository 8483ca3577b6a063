package io.credence.outcome;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Good/bad labels from loan outcomes, for backtests over logged decisions: "bad" once the loan went bad,
 * "good" once it matured clear; no label while immature, never funded, or never approved (a declined
 * application has no loan, so it has no outcome: the reject-inference gap).
 */
@Component
public class OutcomeLabels {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    OutcomeLabels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> labels(String market, Collection<String> applicationIds) {
        Map<String, String> labels = new HashMap<>();
        List<String> ids = List.copyOf(applicationIds);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            jdbc.sql("""
                    select application_id, case when bad_month is not null then 'bad' else 'good' end as label
                    from loan_performance
                    where market = :market and application_id in (:ids) and funded and matured""")
                    .param("market", market)
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK)))
                    .query(rs -> {
                        labels.put(rs.getString("application_id"), rs.getString("label"));
                    });
        }
        return labels;
    }
}

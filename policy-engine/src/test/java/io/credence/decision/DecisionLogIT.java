package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.decision.DecisionLog.LoggedDecision;
import io.credence.support.FullStackTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What other features (loan outcomes, experiments, drift, backtests) read of the decision log, through its API. */
class DecisionLogIT extends FullStackTest {

    @Autowired
    DecisionLog log;

    @Test
    void an_application_decided_over_http_is_found_by_its_market_and_application_id() {
        ObjectNode application = freshApplication("prime-IN.json");
        JsonNode answer = decide(application).json();
        String applicationId = application.path("applicationId").asString();

        LoggedDecision logged = log.findByApplication("IN", applicationId).orElseThrow();

        assertThat(logged.decisionId()).isEqualTo(answer.path("decisionId").asString());
        assertThat(logged.applicationId()).isEqualTo(applicationId);
        assertThat(logged.market()).isEqualTo("IN");
        assertThat(logged.policyVersion())
                .isEqualTo(answer.path("policy").path("version").asInt());
        assertThat(logged.arm()).isEqualTo("champion");
        assertThat(logged.outcome()).isEqualTo(answer.path("outcome").asString());
        assertThat(logged.score()).isEqualByComparingTo(answer.path("score").decimalValue());
        assertThat(logged.approvedAmount())
                .isEqualByComparingTo(answer.path("approvedAmount").decimalValue());
        assertThat(logged.evaluatedAt())
                .isEqualTo(Instant.parse(answer.path("evaluatedAt").asString()));
    }

    @Test
    void an_application_is_not_found_in_another_market_or_before_it_is_decided() {
        ObjectNode application = freshApplication("prime-IN.json");
        String applicationId = application.path("applicationId").asString();
        assertThat(log.findByApplication("IN", applicationId)).isEmpty();

        decide(application);

        assertThat(log.findByApplication("BR", applicationId)).isEmpty();
        assertThat(log.countReplayable("IN", 1)).isEqualTo(1);
    }
}

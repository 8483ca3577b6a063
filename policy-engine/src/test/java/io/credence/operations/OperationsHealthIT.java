package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import org.junit.jupiter.api.Test;

/** The health endpoints a probe or a load balancer calls, on an instance that is up. */
class OperationsHealthIT extends OperationsScenario {

    @Test
    void the_root_answers_exactly_up_while_liveness_and_readiness_groups_exist() {
        ApiResponse root = get("/actuator/health", NOBODY);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("{\"status\":\"UP\"}");

        ApiResponse liveness = get("/actuator/health/liveness", NOBODY);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");

        ApiResponse readiness = get("/actuator/health/readiness", NOBODY);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/policyStartup/status").asString())
                .isEqualTo("UP");
        assertThat(readiness.json().at("/components/readinessState/status").asString())
                .isEqualTo("UP");
        assertThat(get("/actuator/health/nonsense", NOBODY).status()).isEqualTo(404);
    }
}

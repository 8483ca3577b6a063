package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A decision whose policy faults with the applicant's personal data in the exception message: the
 * fault is logged, with the decision's ids and market on the line, and the customer id, device
 * fingerprint and income appear nowhere in the log, whether read as events or as printed output.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsLoggingIT extends OperationsScenario {

    private static final String MARKET = "YG";

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(events);
        events.stop();
    }

    @Test
    void lines_about_a_decision_carry_its_ids_and_market_and_never_personal_data(CapturedOutput output) {
        deploy(MARKET, fixture("leaky-approval-rule.drl"));
        ObjectNode application = application(MARKET, "prime-applicant.json");
        ((ObjectNode) application.get("applicant")).put("monthlyIncome", 87654.32);
        String customerId = application.at("/applicant/customerId").asString();
        String fingerprint = application.at("/device/fingerprint").asString();
        String applicationId = application.get("applicationId").asString();

        JsonNode answer = decided(application);
        String decisionId = answer.get("decisionId").asString();
        assertThat(answer.at("/reasons/0/code").asString()).isEqualTo("EN_POLICY_FAULT");

        List<ILoggingEvent> aboutTheDecision = events.list.stream()
                .filter(e -> e.getFormattedMessage().contains(decisionId)
                        || decisionId.equals(e.getMDCPropertyMap().get("decisionId")))
                .toList();
        assertThat(aboutTheDecision).as("the fault is logged").isNotEmpty();
        assertThat(aboutTheDecision)
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                        .containsEntry("decisionId", decisionId)
                        .containsEntry("applicationId", applicationId)
                        .containsEntry("market", MARKET));
        assertThat(aboutTheDecision)
                .anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .contains("Policy fault")
                        .contains("NumberFormatException"));

        for (ILoggingEvent e : events.list) {
            String everything = e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertThat(everything).doesNotContain(customerId, fingerprint, "87654.32", "87654");
        }
        assertThat(output.getAll()).doesNotContain(customerId, fingerprint, "87654.32");

        JsonNode asAnalyst = ok(get("/api/v1/decisions/" + decisionId, ANALYST)).json();
        assertThat(asAnalyst.get("fault").asString())
                .contains("NumberFormatException")
                .doesNotContain(customerId, fingerprint, "87654.32");
    }
}

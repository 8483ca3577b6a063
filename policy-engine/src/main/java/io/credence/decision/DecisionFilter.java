package io.credence.decision;

import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a decision search asks for; every field may be null ("any"). {@code customerId} is the applicant's
 * id as the loan system sent it: the log keeps only its hash per market, so it is matched by hashing.
 * {@code reasonCode} matches a whole code among the answer's reasons; {@code to} is exclusive.
 * Every offending field is reported at once.
 */
public record DecisionFilter(
        String market,
        String outcome,
        String applicationId,
        String customerId,
        String reasonCode,
        Integer version,
        String arm,
        Instant from,
        Instant to) {

    public static final DecisionFilter ANY = new DecisionFilter(null, null, null, null, null, null, null, null, null);

    private static final Set<String> OUTCOMES = Set.of("APPROVE", "DECLINE", "REFER");
    private static final Set<String> ARMS = Set.of(DecisionRouting.CHAMPION, DecisionRouting.CHALLENGER);

    public DecisionFilter {
        market = blankToNull(market);
        outcome = blankToNull(outcome);
        applicationId = blankToNull(applicationId);
        customerId = blankToNull(customerId);
        reasonCode = blankToNull(reasonCode);
        arm = blankToNull(arm);
        List<FieldProblem> problems = new ArrayList<>();
        if (market != null && !market.matches("[A-Z]{2}"))
            problems.add(new FieldProblem("market", "must be a two-letter market code such as MX"));
        if (outcome != null && !OUTCOMES.contains(outcome))
            problems.add(new FieldProblem("outcome", "must be APPROVE, DECLINE or REFER"));
        if (applicationId != null && applicationId.length() > 128)
            problems.add(new FieldProblem("applicationId", "must be at most 128 characters"));
        if (customerId != null && customerId.length() > 256)
            problems.add(new FieldProblem("customerId", "must be at most 256 characters"));
        if (reasonCode != null && !reasonCode.matches("[A-Za-z0-9_.-]{1,64}"))
            problems.add(new FieldProblem("reasonCode", "must be one reason code (letters, digits, _ . -)"));
        if (version != null && version < 1) problems.add(new FieldProblem("version", "must be 1 or more"));
        if (arm != null && !ARMS.contains(arm)) problems.add(new FieldProblem("arm", "must be champion or challenger"));
        if (from != null && to != null && !to.isAfter(from)) problems.add(new FieldProblem("to", "must be after from"));
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

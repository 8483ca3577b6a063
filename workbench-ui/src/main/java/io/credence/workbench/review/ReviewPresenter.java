package io.credence.workbench.review;

import io.credence.deployment.Champions;
import io.credence.policy.LineComment;
import io.credence.policy.LineComments;
import io.credence.policy.NewLineComment;
import io.credence.policy.PolicyDiff;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.security.Role;
import io.credence.workbench.components.ProblemText;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.i18n.Words;
import io.credence.workbench.signin.CurrentUser;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what a reviewer needs for one version (the diff against what runs now, the rights of the
 * person looking) and carries out their decision.
 */
final class ReviewPresenter {

    private static final Logger log = LoggerFactory.getLogger(ReviewPresenter.class);

    /**
     * baseVersion is null when there is nothing to compare with: the version is the champion itself,
     * or nothing is deployed and it is based on no other.
     */
    record Review(
            PolicyVersion version,
            Integer baseVersion,
            String baseLabel,
            List<DiffLayout.Section> sections,
            ReviewRights rights,
            boolean isChampion,
            List<PolicyDiff.ValueChange> valueChanges,
            String currency,
            List<LineComment> comments,
            boolean mayComment) {

        List<LineComment> commentsOn(String artifact) {
            return comments.stream().filter(c -> c.artifact().equals(artifact)).toList();
        }
    }

    private final PolicyService policies;
    private final Champions champions;
    private final CurrentUser user;
    private final LineComments lineComments;

    ReviewPresenter(PolicyService policies, Champions champions, LineComments lineComments, CurrentUser user) {
        this.policies = policies;
        this.lineComments = lineComments;
        this.champions = champions;
        this.user = user;
    }

    Review load(String market, int number) {
        PolicyVersion version = policies.get(market, number);
        Integer champion = champions.version(market);
        Integer base = champion != null && champion != number ? champion : version.basedOn();
        Words words = Words.current();
        String label = base == null
                ? null
                : base.equals(champion)
                        ? words.translate("review.base.champion", String.valueOf(base))
                        : words.translate("review.base.based-on", String.valueOf(base));
        PolicyDiff diff = base == null ? null : policies.diff(market, base, number);
        List<DiffLayout.Section> sections = diff == null ? List.of() : DiffLayout.sections(diff);
        String currency = io.credence.workbench.components.PolicyArtifacts.currencyOf(version.artifacts());
        return new Review(
                version,
                base,
                label,
                sections,
                ReviewRights.of(version, user.name(), user.roles(), words),
                champion != null && champion == number,
                diff == null ? List.of() : diff.valueChanges(),
                currency,
                lineComments.of(market, number),
                mayComment(version));
    }

    /** Reviewers and the version's author, as the comment store allows. */
    private boolean mayComment(PolicyVersion version) {
        return user.roles().contains(Role.REVIEWER) || user.name().equals(version.author());
    }

    /** Leaves a comment on a line; returns the problem to show in the dialog if the store refuses it. */
    Optional<String> comment(PolicyVersion version, SideBySideDiff.LinePicked line, String text) {
        try {
            lineComments.add(
                    user.actor(),
                    version.market(),
                    version.version(),
                    new NewLineComment(
                            line.artifact(), line.old() ? LineComment.OLD : LineComment.NEW, line.line(), text));
            return Optional.empty();
        } catch (RuntimeException e) {
            Problem problem = Problem.of(e);
            if (!problem.expected()) log.error("Comment failed, reference {}", problem.reference(), e);
            return Optional.of(ProblemText.of(problem, Words.current()));
        }
    }

    /**
     * Approves or rejects; returns the problem to show next to the buttons if the service refuses. The
     * four-eyes and state rules are checked here first, so the refusal is in the reader's words.
     */
    Optional<String> decide(PolicyVersion version, DecisionForm.Verdict verdict, String comment) {
        Words words = Words.current();
        ReviewRights rights =
                ReviewRights.of(policies.get(version.market(), version.version()), user.name(), user.roles(), words);
        if (!rights.canDecide()) return Optional.of(rights.reason());
        try {
            if (verdict == DecisionForm.Verdict.APPROVE) {
                policies.approve(user.actor(), version.market(), version.version(), comment);
            } else {
                policies.reject(user.actor(), version.market(), version.version(), comment);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            Problem problem = Problem.of(e);
            if (!problem.expected()) log.error("Review failed, reference {}", problem.reference(), e);
            return Optional.of(ProblemText.of(problem, words));
        }
    }
}

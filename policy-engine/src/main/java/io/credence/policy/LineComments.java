package io.credence.policy;

import io.credence.audit.AuditTrail;
import io.credence.security.Role;
import io.credence.shared.FieldProblem;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on lines of a version's diff, the conversation of a review: reviewers and the version's
 * author leave them, everyone who may read the version reads them, and the author finds them again in
 * the draft that answers a rejection (they belong to the version it is based on).
 */
@Service
public class LineComments {

    static final int TEXT_MAX = 2000;

    private final PolicyService policies;
    private final LineCommentRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    LineComments(PolicyService policies, LineCommentRepository repository, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<LineComment> of(String market, int version) {
        PolicyVersion v = policies.get(market, version);
        return repository.of(v.market(), v.version());
    }

    /** The comments an author answers in a draft: those on the draft and on the version it is based on. */
    @Transactional(readOnly = true)
    public List<LineComment> forDraft(String market, int version) {
        PolicyVersion v = policies.get(market, version);
        List<LineComment> comments = new ArrayList<>();
        if (v.basedOn() != null) comments.addAll(repository.of(v.market(), v.basedOn()));
        comments.addAll(repository.of(v.market(), v.version()));
        return comments;
    }

    @Transactional
    public LineComment add(Actor actor, String market, int version, NewLineComment request) {
        PolicyVersion v = policies.get(market, version);
        if (!actor.roles().contains(Role.REVIEWER) && !actor.name().equals(v.author())) {
            throw new ForbiddenActionException(
                    "Only reviewers and the version's author (" + v.author() + ") may comment on its lines.");
        }
        String side = request.side() == null || request.side().isBlank() ? LineComment.NEW : request.side();
        List<FieldProblem> problems = new ArrayList<>();
        if (!LineComment.NEW.equals(side) && !LineComment.OLD.equals(side)) {
            problems.add(new FieldProblem(
                    "side", "must be new (a line of this version) or old (a line it was compared with)"));
        }
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            problems.add(new FieldProblem("text", "is required, at most " + TEXT_MAX + " characters"));
        }
        String artifact = request.artifact();
        boolean knownArtifact = artifact != null
                && (LineComment.OLD.equals(side)
                        ? !artifact.isBlank() && artifact.length() <= 64
                        : v.artifacts().containsKey(artifact));
        if (!knownArtifact) {
            problems.add(new FieldProblem(
                    "artifact",
                    "must be one of " + String.join(", ", v.artifacts().keySet())));
        } else if (request.line() == null || request.line() < 1 || request.line() > lineCount(v, artifact, side)) {
            problems.add(new FieldProblem(
                    "line",
                    LineComment.NEW.equals(side)
                            ? "must be a line of " + artifact + " (1 to " + lineCount(v, artifact, side) + ")"
                            : "must be a line number, 1 or more"));
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        LineComment comment = new LineComment(
                UUID.randomUUID().toString(),
                v.market(),
                v.version(),
                request.artifact(),
                side,
                request.line(),
                actor.name(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                text);
        repository.insert(comment);
        audit.record(
                actor.name(),
                v.market(),
                "REVIEW_COMMENT_ADDED",
                "v" + v.version(),
                request.artifact() + " line " + request.line() + (LineComment.OLD.equals(side) ? " (old)" : "") + ": "
                        + text);
        return comment;
    }

    /** A new-side line must exist in the version; an old-side line belongs to a version the caller chose to compare with. */
    private static int lineCount(PolicyVersion v, String artifact, String side) {
        if (LineComment.OLD.equals(side)) return Integer.MAX_VALUE;
        String text = v.artifacts().get(artifact);
        return text == null ? 0 : (int) text.lines().count();
    }
}

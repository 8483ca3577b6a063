package io.credence.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * A version as the API shows it (the contract's Policy versions section): its own record, so the
 * domain's {@link PolicyVersion} can change without changing the JSON. {@code artifacts} and
 * {@code testResults} are left out of lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VersionBody(
        String market,
        int version,
        VersionStatus status,
        Integer basedOn,
        String author,
        String reviewer,
        String reviewComment,
        String digest,
        String note,
        Instant createdAt,
        Instant submittedAt,
        Instant reviewedAt,
        SortedMap<String, String> artifacts,
        List<TestCaseResult> testResults) {

    static VersionBody of(PolicyVersion v) {
        return new VersionBody(
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
                v.artifacts(),
                v.testResults());
    }

    static VersionBody summary(PolicyVersion v) {
        return of(v.withoutArtifacts());
    }
}

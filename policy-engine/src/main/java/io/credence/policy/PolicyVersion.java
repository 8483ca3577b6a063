package io.credence.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** A version as the API shows it; {@code artifacts} is left out of lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyVersion(
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

    public PolicyVersion withoutArtifacts() {
        return new PolicyVersion(market, version, status, basedOn, author, reviewer, reviewComment, digest, note,
                createdAt, submittedAt, reviewedAt, null, null);
    }
}

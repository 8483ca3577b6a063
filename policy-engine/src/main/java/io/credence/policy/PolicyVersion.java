package io.credence.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * A stored version, as the features and the workbench use it; the API shows it as a {@link VersionBody}.
 * {@code artifacts} and {@code testResults} are null when read for a list.
 */
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
        return new PolicyVersion(
                market,
                version,
                status,
                basedOn,
                author,
                reviewer,
                reviewComment,
                digest,
                note,
                createdAt,
                submittedAt,
                reviewedAt,
                null,
                null);
    }
}

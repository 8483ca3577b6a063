package io.credence.workbench.review;

import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import io.credence.workbench.i18n.Words;
import java.util.Set;

/**
 * Whether the signed-in person may approve or reject a version, and if not, why, in words shown next
 * to the disabled buttons. The policy service enforces the same rules whoever calls it.
 *
 * @param reason null when the person may decide
 */
record ReviewRights(boolean canDecide, String reason) {

    static ReviewRights of(PolicyVersion version, String user, Set<Role> roles, Words words) {
        String reason;
        if (version.status() != VersionStatus.IN_REVIEW) {
            reason = words.translate(
                    "review.rights.not-in-review",
                    String.valueOf(version.version()),
                    words.translate("editor.status-phrase." + version.status().name()));
        } else if (version.author().equals(user)) {
            reason = words.translate("review.rights.four-eyes");
        } else if (!roles.contains(Role.REVIEWER)) {
            reason = words.translate("review.rights.not-reviewer");
        } else {
            reason = null;
        }
        return new ReviewRights(reason == null, reason);
    }
}

package io.credence.workbench.review;

import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import java.util.Set;

/**
 * Whether the signed-in person may approve or reject a version, and if not, why, in words shown next
 * to the disabled buttons. The policy service enforces the same rules whoever calls it.
 *
 * @param reason null when the person may decide
 */
record ReviewRights(boolean canDecide, String reason) {

    static ReviewRights of(PolicyVersion version, String user, Set<Role> roles) {
        String reason;
        if (version.status() != VersionStatus.IN_REVIEW) {
            reason = "v" + version.version() + " is " + version.status().name().replace('_', ' ').toLowerCase()
                    + "; only a version in review can be approved or rejected.";
        } else if (version.author().equals(user)) {
            reason = "Four-eyes: you wrote this version, so someone else must review it.";
        } else if (!roles.contains(Role.REVIEWER)) {
            reason = "Only reviewers approve or reject versions.";
        } else {
            reason = null;
        }
        return new ReviewRights(reason == null, reason);
    }
}

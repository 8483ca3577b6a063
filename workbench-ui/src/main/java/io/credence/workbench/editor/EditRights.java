package io.credence.workbench.editor;

import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import java.util.Set;

/**
 * What the signed-in person may do with an open version, and in words why not. Only decides what
 * the screen offers: the policy service enforces the same rules for every caller.
 *
 * @param readOnlyReason null when the version is editable
 */
record EditRights(boolean canEdit, boolean canCreateDraft, String readOnlyReason) {

    static EditRights of(PolicyVersion version, String user, Set<Role> roles) {
        boolean analyst = roles.contains(Role.ANALYST);
        String reason;
        if (!analyst) {
            reason = "Read-only: only analysts edit policies.";
        } else if (version.status() != VersionStatus.DRAFT) {
            reason = "Read-only: v" + version.version() + " is " + describe(version.status())
                    + ". Start a new draft from it to make changes.";
        } else if (!version.author().equals(user)) {
            reason = "Read-only: this draft belongs to " + version.author() + "; only its author edits it.";
        } else {
            reason = null;
        }
        return new EditRights(reason == null, analyst, reason);
    }

    static String describe(VersionStatus status) {
        return switch (status) {
            case DRAFT -> "a draft";
            case IN_REVIEW -> "in review";
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case DEPLOYED -> "deployed";
            case RETIRED -> "retired";
        };
    }
}

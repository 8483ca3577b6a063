package io.credence.workbench.policy;

import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import io.credence.workbench.i18n.Words;
import java.util.Set;

/**
 * What the signed-in person may do with an open version, and in words why not. Only decides what
 * the screen offers: the policy service enforces the same rules for every caller.
 *
 * @param readOnlyReason null when the version is editable
 */
record EditRights(boolean canEdit, boolean canCreateDraft, String readOnlyReason) {

    static EditRights of(PolicyVersion version, String user, Set<Role> roles, Words words) {
        boolean analyst = roles.contains(Role.ANALYST);
        String reason;
        if (!analyst) {
            reason = words.translate("editor.read-only.not-analyst");
        } else if (version.status() != VersionStatus.DRAFT) {
            reason = words.translate(
                    "editor.read-only.not-draft",
                    version.version(),
                    words.translate("editor.status-phrase." + version.status().name()));
        } else if (!version.author().equals(user)) {
            reason = words.translate("editor.read-only.not-author", version.author());
        } else {
            reason = null;
        }
        return new EditRights(reason == null, analyst, reason);
    }
}

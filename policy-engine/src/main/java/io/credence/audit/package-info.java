/**
 * The append-only audit trail: who did what, when, to which market. Each entry is chained to the
 * previous one by hash, so editing or deleting a row is detected by {@link io.credence.audit.AuditTrail#verify()}.
 * Entries are written in the same transaction as the change they record.
 */
@Feature(allowedDependencies = {"shared"})
@NullMarked
package io.credence.audit;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;

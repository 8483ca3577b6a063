/** The audit trail: searching it and verifying its hash chain. */
@NullMarked
package io.credence.workbench.audit;

import org.jspecify.annotations.NullMarked;

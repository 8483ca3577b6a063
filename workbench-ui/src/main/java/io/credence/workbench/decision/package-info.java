/** Logged decisions: searching them, reading one as an auditor would, and replaying it. */
@NullMarked
package io.credence.workbench.decision;

import org.jspecify.annotations.NullMarked;

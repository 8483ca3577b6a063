/** What the team running Credence needs to see in the workbench: active drift alerts. */
@NullMarked
package io.credence.workbench.operations;

import org.jspecify.annotations.NullMarked;

/**
 * Failures shown in place: notifications for refused actions, pages for addresses that do not
 * open. Messages come from the domain's exceptions; stack traces only ever go to the log.
 */
@NullMarked
package io.credence.workbench.errors;

import org.jspecify.annotations.NullMarked;

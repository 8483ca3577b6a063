/**
 * Four-eyes review: the queue of versions waiting for a reviewer, and one version's review with its
 * side-by-side diff against the market's champion, its test results and note, and the decision.
 * Texts come from {@code i18n/review*.properties}.
 */
@NullMarked
package io.credence.workbench.review;

import org.jspecify.annotations.NullMarked;

/**
 * The analyst's workbench for one market: its versions, and for an open version the DRL, scorecard,
 * reason-message and settings editors (validated as the analyst types), the test bench, the
 * version's test cases and submission for review. Texts come from {@code i18n/policy*.properties}. {@link io.credence.workbench.policy.DrlEditor} wraps the
 * {@code <drl-editor>} web component built from {@code src/main/drl-editor}.
 */
@NullMarked
package io.credence.workbench.policy;

import org.jspecify.annotations.NullMarked;

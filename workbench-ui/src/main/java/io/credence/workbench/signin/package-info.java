/**
 * Signing in to the workbench: the filter chain for everything outside the API, the login view, and
 * {@link io.credence.workbench.signin.CurrentUser}, which views ask who is acting.
 */
@NullMarked
package io.credence.workbench.signin;

import org.jspecify.annotations.NullMarked;

/**
 * Signing in to the workbench: the filter chain for everything outside the API, the login view, and
 * {@link io.credence.workbench.signin.CurrentUser}, which views ask who is acting.
 */
package io.credence.workbench.signin;

/**
 * Browser tests of the packaged product: each {@code *IT} class starts {@code target/credence.jar}
 * ({@link io.credence.workbench.browser.ProductionApp}) and drives it with headless Chromium
 * ({@link io.credence.workbench.browser.Browser}). Failsafe runs them after {@code package}:
 * {@code ./mvnw verify}, or one class with
 * {@code ./mvnw -pl workbench-ui -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SignInIT}.
 * Screenshots for the documentation land in {@code docs/screenshots/}.
 */
package io.credence.workbench.browser;

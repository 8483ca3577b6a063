/**
 * What full-stack tests share: one application context over real HTTP on a fresh database (H2 by
 * default, PostgreSQL with {@code -Dcredence.it.database=postgresql}), credentials for every role,
 * fixtures named after the test that reads them, and polling with a deadline instead of sleeping.
 */
package io.credence.support;

/**
 * The few types every feature shares: domain exceptions named for what went wrong (mapped to HTTP
 * once, in {@code io.credence.web}), and small value helpers.
 */
@Feature
@NullMarked
package io.credence.shared;

import org.jspecify.annotations.NullMarked;

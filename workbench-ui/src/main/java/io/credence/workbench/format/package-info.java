/** Showing amounts, rates, latencies and times in the viewer's locale and time zone. */
@NullMarked
package io.credence.workbench.format;

import org.jspecify.annotations.NullMarked;

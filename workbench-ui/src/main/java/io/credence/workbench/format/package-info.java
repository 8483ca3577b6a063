/** Showing amounts, rates, latencies and times in the viewer's locale and time zone. */
package io.credence.workbench.format;

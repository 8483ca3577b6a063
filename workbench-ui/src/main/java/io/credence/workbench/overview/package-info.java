/** The landing page: each market's champion and today's decisions, approval rates and engine time. */
@NullMarked
package io.credence.workbench.overview;

import org.jspecify.annotations.NullMarked;

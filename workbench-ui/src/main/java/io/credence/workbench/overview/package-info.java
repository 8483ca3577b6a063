/** The landing page: each market's champion and today's decisions, approval rates and engine time. */
package io.credence.workbench.overview;

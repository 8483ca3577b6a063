/**
 * The Performance screen: per market and version, what became of the loans (bad rates, Gini, KS,
 * calibration, vintages), and the CSV upload of outcome records for people without a loan system feed.
 */
@NullMarked
package io.credence.workbench.outcome;

import org.jspecify.annotations.NullMarked;

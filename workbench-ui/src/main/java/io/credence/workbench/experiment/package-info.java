/**
 * The experiment screens: reviewers start a champion/challenger experiment, everyone watches the two
 * arms compared (table and charts, refreshed while it runs), and reviewers stop it or promote the
 * challenger. Figures come from the engine's experiment service, the same one the REST API uses.
 * Charts are {@code <credence-chart>}, Chart.js bundled from src/main/charts/.
 */
@NullMarked
package io.credence.workbench.experiment;

import org.jspecify.annotations.NullMarked;

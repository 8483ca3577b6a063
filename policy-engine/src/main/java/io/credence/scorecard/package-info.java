/**
 * Lets an analyst check any PMML scorecard against expected values before it goes into a version:
 * POST /api/v1/scorecards/evaluate scores rows with the same jpmml evaluation the engine uses.
 */
@Feature(allowedDependencies = {"engine", "shared"})
@NullMarked
package io.credence.scorecard;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;

/**
 * Lets an analyst check any PMML scorecard against expected values before it goes into a version:
 * POST /api/v1/scorecards/evaluate scores rows with the same jpmml evaluation the engine uses.
 */
package io.credence.scorecard;

/** The whole product in one application: the engine's REST API with the workbench on top. */
@NullMarked
package io.credence;

import org.jspecify.annotations.NullMarked;

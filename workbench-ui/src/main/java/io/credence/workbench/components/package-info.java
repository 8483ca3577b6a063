/** Small building blocks shared by workbench pages: fact lists, badges, confirmations and texts outside components. */
@NullMarked
package io.credence.workbench.components;

import org.jspecify.annotations.NullMarked;

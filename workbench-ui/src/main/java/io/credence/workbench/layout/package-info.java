/** The workbench frame: navigation by role, page title, who is signed in. */
@NullMarked
package io.credence.workbench.layout;

import org.jspecify.annotations.NullMarked;

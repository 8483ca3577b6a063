/** The workbench's shell (Vaadin's app shell: Lumo and the workbench's stylesheets); each screen lives in a feature package below. */
@NullMarked
package io.credence.workbench;

import org.jspecify.annotations.NullMarked;

/** Small building blocks shared by workbench pages: fact lists and badges. */
package io.credence.workbench.components;

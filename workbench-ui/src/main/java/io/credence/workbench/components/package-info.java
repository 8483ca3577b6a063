/** Small building blocks shared by workbench pages: fact lists, badges, confirmations and texts outside components. */
package io.credence.workbench.components;

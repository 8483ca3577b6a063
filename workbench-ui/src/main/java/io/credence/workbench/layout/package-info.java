/** The workbench frame: navigation by role, page title, who is signed in. */
package io.credence.workbench.layout;

/** Logged decisions: searching them, reading one as an auditor would, and replaying it. */
package io.credence.workbench.decision;

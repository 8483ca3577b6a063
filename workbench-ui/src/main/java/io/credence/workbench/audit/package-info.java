/** The audit trail: searching it and verifying its hash chain. */
package io.credence.workbench.audit;

package io.credence.deployment;

/** The optional body of a rollback: why, recorded in the deployment history and the audit trail. */
record RollbackRequest(String reason) {}

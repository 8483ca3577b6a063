package io.credence.policy;

/**
 * An optional body of a submission: when some of the version's test cases fail, why it should be
 * reviewed anyway (a case that expected the old policy, say). It is added to the note the reviewer reads.
 */
public record SubmitRequest(String failingTestsReason) {}

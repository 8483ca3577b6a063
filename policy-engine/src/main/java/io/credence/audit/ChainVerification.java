package io.credence.audit;

/** Result of re-computing the audit chain: intact, or the first entry that does not match. */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {}

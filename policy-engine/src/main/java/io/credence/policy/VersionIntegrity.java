package io.credence.policy;

/** Whether a stored version's artifacts still hash to the digest it was created and approved with. */
public record VersionIntegrity(String market, int version, String digest, String actualDigest, boolean intact) {}

package io.credence.security;

/** A newly created key with its secret: the only time the secret is ever available. */
public record IssuedApiKey(ApiKey apiKey, String key) {}

package io.credence.fraud;

import java.time.Instant;

/** Body of POST /api/v1/fraud-lists/{market}: list is CUSTOMER or DEVICE. */
public record NewFraudListEntry(String list, String entry, String reason, Instant expiresAt) {}

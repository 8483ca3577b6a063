package io.credence.security;

import java.time.Instant;
import java.util.Set;

/** A workbench user as shown to admins; the password hash never leaves the repository. */
public record UserAccount(String username, Set<Role> roles, boolean enabled, Instant createdAt) {}

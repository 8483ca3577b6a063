/**
 * Who may do what: workbench users and their roles (ANALYST, REVIEWER, ADMIN), API keys for loan
 * systems (stored as hashes), the API's filter chain with its role matrix, and the demo accounts
 * that exist only in the default profile.
 */
@Feature(allowedDependencies = {"audit", "cluster", "shared", "web"})
@NullMarked
package io.credence.security;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;

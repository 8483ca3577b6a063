/**
 * The admin screens of the engine's security feature: users and their roles (changes need a second admin) and
 * loan systems' API keys.
 */
@NullMarked
package io.credence.workbench.security;

import org.jspecify.annotations.NullMarked;

package io.credence.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure people and loan systems can get in. In the demo profile it creates the demo users and
 * an API key, generating and printing secrets that were not configured. Outside it no demo user is
 * ever created: the operator's admin account comes from CREDENCE_ADMIN_PASSWORD, and the service
 * refuses to start without any user or key rather than start a service nobody can use.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String STARTUP_KEY_NAME = "default";
    private static final Map<String, Set<Role>> DEMO_USERS = Map.of(
            "analyst", EnumSet.of(Role.ANALYST),
            "analyst2", EnumSet.of(Role.ANALYST),
            "reviewer", EnumSet.of(Role.REVIEWER),
            "reviewer2", EnumSet.of(Role.REVIEWER),
            "admin", EnumSet.of(Role.ADMIN),
            // A second admin, so that role grants and password resets (two admins) can be tried in the demo.
            "admin2", EnumSet.of(Role.ADMIN));

    private final UserAccounts users;
    private final ApiKeys apiKeys;
    private final boolean demo;
    private final String demoPassword;
    private final String apiKey;
    private final String adminUsername;
    private final String adminPassword;

    AccountBootstrap(
            UserAccounts users,
            ApiKeys apiKeys,
            @Value("${credence.demo.enabled}") boolean demo,
            @Value("${credence.demo.password:}") String demoPassword,
            @Value("${credence.api-key:}") String apiKey,
            @Value("${credence.admin.username:admin}") String adminUsername,
            @Value("${credence.admin.password:}") String adminPassword) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.apiKey = apiKey;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            String password = demoPassword.isBlank() ? generate() : demoPassword;
            DEMO_USERS.forEach((name, roles) -> users.saveDemoUser(name, password, roles));
            if (demoPassword.isBlank()) {
                log.warn(
                        "Demo users analyst, analyst2, reviewer, reviewer2, admin, admin2: generated password {} "
                                + "(set CREDENCE_DEMO_PASSWORD to choose one)",
                        password);
            }
        } else {
            if (!adminPassword.isBlank()) {
                if (adminPassword.length() < 12) {
                    throw new IllegalStateException("CREDENCE_ADMIN_PASSWORD must be at least 12 characters.");
                }
                users.saveConfiguredAdmin(adminUsername, adminPassword);
                if (users.list().stream()
                        .noneMatch(u -> u.enabled()
                                && u.roles().contains(Role.ADMIN)
                                && !u.username().equals(adminUsername))) {
                    log.warn(
                            "Bootstrap admin '{}' is the only admin: it is the one account that needed no second "
                                    + "admin, and until a second admin exists its role grants and password resets apply "
                                    + "alone (each logged and audited). Add a second admin: from then on they take two.",
                            adminUsername);
                }
            }
            if (users.count() == 0) {
                throw new IllegalStateException("No users are configured and the demo profile is off: set "
                        + "CREDENCE_ADMIN_PASSWORD (at least 12 characters) to create the admin account '"
                        + adminUsername + "', who then adds people through POST /api/v1/users.");
            }
        }
        if (!apiKey.isBlank()) {
            if (!apiKeys.isActive(apiKey)) {
                apiKeys.revokeAllNamed("system", STARTUP_KEY_NAME);
                apiKeys.register("system", STARTUP_KEY_NAME, apiKey);
            }
        } else if (demo) {
            apiKeys.revokeAllNamed("system", STARTUP_KEY_NAME);
            String key = apiKeys.create("system", STARTUP_KEY_NAME).key();
            log.warn("API key for loan systems (X-Api-Key): {} (set CREDENCE_API_KEY to choose one)", key);
        } else if (!apiKeys.hasActiveKeys()) {
            throw new IllegalStateException("No API key is configured: set CREDENCE_API_KEY "
                    + "so that loan systems can call POST /api/v1/decisions.");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

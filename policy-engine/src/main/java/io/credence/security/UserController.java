package io.credence.security;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and API keys, for admins. */
@RestController
@RequestMapping("/api/v1")
class UserController {

    private final UserAccounts users;
    private final UserChanges changes;
    private final ApiKeys apiKeys;

    UserController(UserAccounts users, UserChanges changes, ApiKeys apiKeys) {
        this.users = users;
        this.changes = changes;
        this.apiKeys = apiKeys;
    }

    record UserRequest(String username, String password, Set<Role> roles) {}

    record EnabledRequest(boolean enabled) {}

    record ApiKeyRequest(String name, List<String> markets, LocalDate expiresOn) {}

    record ApiKeyLimits(List<String> markets, LocalDate expiresOn) {}

    @GetMapping("/users")
    List<UserAccount> users() {
        return users.list();
    }

    /** 200 with the account when it applied; 202 with the proposal when a second admin must approve it. */
    @PostMapping("/users")
    ResponseEntity<Object> save(@RequestBody UserRequest request, Principal admin) {
        UserAccounts.Saved saved = users.save(admin.getName(), request.username(), request.password(), request.roles());
        return saved.pending() != null
                ? ResponseEntity.accepted().body(saved.pending())
                : ResponseEntity.ok(saved.account());
    }

    @GetMapping("/users/changes")
    List<UserChange> pendingChanges() {
        return changes.pending();
    }

    @PostMapping("/users/changes/{id}/approve")
    UserAccount approveChange(@PathVariable String id, Principal admin) {
        return changes.approve(admin.getName(), id);
    }

    @PostMapping("/users/changes/{id}/reject")
    UserChange rejectChange(@PathVariable String id, Principal admin) {
        return changes.reject(admin.getName(), id);
    }

    @PutMapping("/users/{username}/enabled")
    void enable(@PathVariable String username, @RequestBody EnabledRequest request, Principal admin) {
        users.setEnabled(admin.getName(), username, request.enabled());
    }

    @GetMapping("/api-keys")
    List<ApiKey> apiKeys() {
        return apiKeys.list();
    }

    @PostMapping("/api-keys")
    IssuedApiKey createKey(@RequestBody ApiKeyRequest request, Principal admin) {
        return apiKeys.create(admin.getName(), request.name(), request.markets(), request.expiresOn());
    }

    @PutMapping("/api-keys/{id}")
    ApiKey limit(@PathVariable String id, @RequestBody ApiKeyLimits request, Principal admin) {
        return apiKeys.limit(admin.getName(), id, request.markets(), request.expiresOn());
    }

    @PostMapping("/api-keys/{id}/revoke")
    void revoke(@PathVariable String id, Principal admin) {
        apiKeys.revoke(admin.getName(), id);
    }
}

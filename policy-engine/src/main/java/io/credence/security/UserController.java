package io.credence.security;

import java.security.Principal;
import java.util.List;
import java.util.Set;
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
    private final ApiKeys apiKeys;

    UserController(UserAccounts users, ApiKeys apiKeys) {
        this.users = users;
        this.apiKeys = apiKeys;
    }

    record UserRequest(String username, String password, Set<Role> roles) {
    }

    record EnabledRequest(boolean enabled) {
    }

    record ApiKeyRequest(String name) {
    }

    @GetMapping("/users")
    List<UserAccount> users() {
        return users.list();
    }

    @PostMapping("/users")
    UserAccount save(@RequestBody UserRequest request, Principal admin) {
        return users.save(admin.getName(), request.username(), request.password(), request.roles());
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
        return apiKeys.create(admin.getName(), request.name());
    }

    @PostMapping("/api-keys/{id}/revoke")
    void revoke(@PathVariable String id, Principal admin) {
        apiKeys.revoke(admin.getName(), id);
    }
}

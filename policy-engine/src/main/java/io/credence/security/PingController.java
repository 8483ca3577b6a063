package io.credence.security;

import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a loan system check its connection and its key without deciding anything. It passes through
 * the same filters and authentication as a decision and touches no database, which also makes it the
 * yardstick the HTTP load benchmark compares decisions against.
 */
@RestController
class PingController {

    record Pong(String caller) {}

    @GetMapping("/api/v1/ping")
    Pong ping(Principal caller) {
        return new Pong(caller.getName());
    }
}

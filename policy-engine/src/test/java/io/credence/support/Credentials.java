package io.credence.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a test call identifies itself: an API key, a person's Basic credentials, or nothing. */
public record Credentials(String header, String value) {

    public static final Credentials NONE = new Credentials(null, null);

    public static Credentials apiKey(String key) {
        return new Credentials("X-Api-Key", key);
    }

    public static Credentials basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Credentials("Authorization", "Basic " + token);
    }
}

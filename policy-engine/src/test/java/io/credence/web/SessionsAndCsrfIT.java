package io.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API chain keeps no state of its own: anonymous refusals, API-key decisions and Basic calls leave
 * no HTTP session behind (counted in Tomcat's session manager, and no cookie is set). It still reads
 * the session a person signed in to the workbench with, and such a call must then carry the session's
 * CSRF token unless its own header (X-Api-Key, HTTP Basic) authenticates it; an Authorization header of
 * another scheme exempts nothing.
 */
class SessionsAndCsrfIT extends FullStackTest {

    private static final String CSRF_TOKEN = "sessions-and-csrf-it-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    private int port;

    @Autowired
    private WebServerApplicationContext context;

    private final List<Session> workbenchSessions = new ArrayList<>();

    @AfterEach
    void signOut() {
        workbenchSessions.forEach(Session::expire);
    }

    @Test
    void fifty_anonymous_refusals_fifty_api_key_decisions_and_fifty_basic_calls_create_no_session() throws IOException {
        long createdBefore = sessions().getSessionCounter();
        ObjectNode template = Fixtures.json(getClass(), "prime-applicant.json");
        List<RawHttp.Response> responses = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            responses.add(send("GET", "/api/v1/markets", Map.of(), null));
            responses.add(send("POST", "/api/v1/decisions", Map.of("Content-Type", "application/json"), "{}"));
            ObjectNode application = template.deepCopy();
            application.put("applicationId", "SESSIONLESS-" + UUID.randomUUID());
            RawHttp.Response decided = send(
                    "POST",
                    "/api/v1/decisions",
                    Map.of("Content-Type", "application/json", "X-Api-Key", API_KEY),
                    application.toString());
            assertThat(decided.status()).as(decided.text()).isEqualTo(200);
            responses.add(decided);
            responses.add(send("GET", "/api/v1/markets", header(ANALYST), null));
        }

        assertThat(responses).filteredOn(response -> response.status() == 401).hasSize(100);
        assertThat(responses)
                .allSatisfy(
                        response -> assertThat(response.header("Set-Cookie")).isNull());
        assertThat(sessions().getSessionCounter() - createdBefore)
                .as("sessions Tomcat created")
                .isZero();
    }

    @Test
    void a_stale_session_cookie_is_refused_without_creating_a_session() throws IOException {
        long createdBefore = sessions().getSessionCounter();

        RawHttp.Response refused = send(
                "POST",
                "/api/v1/api-keys",
                Map.of("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF", "Content-Type", "application/json"),
                "{\"name\": \"stale\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(sessions().getSessionCounter() - createdBefore).isZero();
    }

    @Test
    void the_workbench_session_still_authenticates_an_api_call_and_a_read_needs_no_token() throws IOException {
        String cookie = signedInAsAdmin();

        RawHttp.Response read = send("GET", "/api/v1/api-keys", Map.of("Cookie", cookie), null);

        assertThat(read.status()).as(read.text()).isEqualTo(200);
    }

    @Test
    void a_change_riding_on_the_session_needs_its_csrf_token_whatever_unrelated_authorization_it_carries()
            throws IOException {
        String cookie = signedInAsAdmin();
        String body = "{\"name\": \"csrf-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";

        RawHttp.Response cookieOnly = post(body, Map.of("Cookie", cookie));
        RawHttp.Response bearer = post(body, Map.of("Cookie", cookie, "Authorization", "Bearer anything-at-all"));
        RawHttp.Response digest = post(body, Map.of("Cookie", cookie, "Authorization", "Digest username=\"admin\""));
        RawHttp.Response withToken = post(body, Map.of("Cookie", cookie, "X-CSRF-TOKEN", masked(CSRF_TOKEN)));

        for (RawHttp.Response refused : List.of(cookieOnly, bearer, digest)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.text()).contains("CSRF token");
        }
        assertThat(withToken.status()).as(withToken.text()).isEqualTo(200);
    }

    @Test
    void a_call_whose_own_header_authenticates_it_is_exempt_and_runs_as_that_header_says() throws IOException {
        String cookie = signedInAsAdmin();
        String body = "{\"name\": \"own-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";

        RawHttp.Response basic = post(body, with(Map.of("Cookie", cookie), header(ADMIN)));
        RawHttp.Response wrongPassword =
                post(body, with(Map.of("Cookie", cookie), header(Credentials.basic("admin", "not-the-password"))));
        RawHttp.Response analyst = post(body, with(Map.of("Cookie", cookie), header(ANALYST)));
        RawHttp.Response apiKey = post(body, Map.of("Cookie", cookie, "X-Api-Key", API_KEY));

        assertThat(basic.status()).as(basic.text()).isEqualTo(200);
        assertThat(wrongPassword.status())
                .as("the session does not stand in for a wrong password")
                .isEqualTo(401);
        assertThat(analyst.status())
                .as("the call runs as the analyst, not the admin of the session")
                .isEqualTo(403);
        assertThat(apiKey.status()).as("the call runs as the loan system").isEqualTo(403);
    }

    private RawHttp.Response post(String body, Map<String, String> headers) throws IOException {
        return send("POST", "/api/v1/api-keys", with(headers, Map.of("Content-Type", "application/json")), body);
    }

    private RawHttp.Response send(String method, String path, Map<String, String> headers, String body)
            throws IOException {
        return RawHttp.send(
                port,
                method,
                path.getBytes(StandardCharsets.ISO_8859_1),
                headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    /** A session as the workbench's sign-in leaves it: the admin's security context and a CSRF token. */
    private String signedInAsAdmin() {
        Session session = sessions().createSession(null);
        workbenchSessions.add(session);
        var admin = UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        session.getSession()
                .setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                        new SecurityContextImpl(admin));
        session.getSession()
                .setAttribute(
                        HttpSessionCsrfTokenRepository.class.getName().concat(".CSRF_TOKEN"),
                        new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", CSRF_TOKEN));
        return "JSESSIONID=" + session.getId();
    }

    /** The token as a browser sends it: masked with fresh random bytes on every request (BREACH). */
    private static String masked(String token) {
        byte[] raw = token.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[raw.length];
        RANDOM.nextBytes(random);
        byte[] combined = new byte[raw.length * 2];
        System.arraycopy(random, 0, combined, 0, raw.length);
        for (int i = 0; i < raw.length; i++) combined[raw.length + i] = (byte) (random[i] ^ raw[i]);
        return Base64.getUrlEncoder().encodeToString(combined);
    }

    private Manager sessions() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }

    private static Map<String, String> header(Credentials credentials) {
        return Map.of(credentials.header(), credentials.value());
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }
}

package dev.backcast.server;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in with the login form and keeps a session cookie; changes from that session need the CSRF token,
 * while scripts keep sending HTTP Basic or a token with no session and no CSRF token.
 */
@BackcastIntegrationTest
class BrowserSessionIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPlannerSignsInReadsAndWritesWithTheCsrfTokenAndSignsOut() throws Exception {
        HttpResponse<String> signedIn = signIn("planner", "planner");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        assertThat(cookie("JSESSIONID")).isNotNull();

        assertThat(send(get("/api/plans")).statusCode()).isEqualTo(200);
        HttpResponse<String> withoutToken = send(post("/api/plans", PlanRequests.newPlan("From a browser")));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("X-XSRF-TOKEN");
        HttpResponse<String> withToken = send(post("/api/plans", PlanRequests.newPlan("From a browser"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        HttpResponse<String> signedOut = send(form("/logout", "_csrf=" + cookie("XSRF-TOKEN").getValue()));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = send(get("/api/plans"));
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(afterwards.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aWrongPasswordLeadsBackToTheFormWithAnErrorAndNoSession() throws Exception {
        HttpResponse<String> refused = signIn("planner", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(send(get("/api/plans")).statusCode()).isEqualTo(401);
    }

    @Test
    void aViewersSessionReadsButCannotWrite() throws Exception {
        signIn("viewer", "viewer");
        assertThat(send(get("/api/plans")).statusCode()).isEqualTo(200);
        HttpResponse<String> write = send(post("/api/plans", PlanRequests.newPlan("Viewer"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue()));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("Your role does not allow");
    }

    @Test
    void scriptsNeedNeitherASessionNorACsrfToken() {
        Api.Response created = new Api(port, "planner").post("/api/plans", PlanRequests.newPlan("From a script"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Set-Cookie")).isNull();
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        HttpResponse<String> page = send(get("/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        return send(form("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1))));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.backcast.server;

import dev.backcast.BackcastApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Who may read and write; every decision is attributed to the signed-in user, never to the request body. */
@BackcastIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void withoutCredentialsTheApiAnswers401AndHealthStaysOpen() {
        Api anonymous = new Api(port, null);

        Api.Response refused = anonymous.post("/api/plans", PlanRequests.newPlan("Anonymous"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.get("/api/plans/5f0c8a3e-1b1a-4e4e-9d7a-000000000000/events").status()).isEqualTo(401);
        assertThat(new Api(port, "intruder").get("/api/plans/5f0c8a3e-1b1a-4e4e-9d7a-000000000000/events").status())
                .isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        Api planner = new Api(port, "planner");
        Api viewer = planner.as("viewer");
        String planId = createPlan(planner, "Read only for viewers");

        Api.Response refused = viewer.post("/api/plans/" + planId + "/milestones", "{\"name\": \"A\", \"leadTimeDays\": 1}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viewer.post("/api/plans", PlanRequests.newPlan("Viewer's plan")).status()).isEqualTo(403);
        assertThat(events(viewer, planId)).hasSize(1);
    }

    @Test
    void theAuthorIsTheSignedInUserEvenWhenTheBodyClaimsOtherwise() {
        Api planner = new Api(port, "planner");
        String planId = createPlan(planner, "Attribution");

        Api.Response forged = planner.post("/api/plans/" + planId + "/milestones",
                "{\"name\": \"A\", \"leadTimeDays\": 1, \"author\": \"someone-else\"}");

        assertThat(forged.status()).isEqualTo(400);
        assertThat(events(planner, planId)).allSatisfy(event -> assertThat(event.get("author").asText()).isEqualTo("planner"));
    }

    @Test
    void repeatedFailedSignInsOfOneUserFromOneClientAreSlowedDown() {
        Api guessing = new Api(port, "locksmith", "guess");
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(guessing.get("/api/plans").status()).as("attempt %d", attempt).isEqualTo(401);
        }
        Api.Response refused = guessing.get("/api/plans");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("detail").asText()).contains("Too many failed sign-ins");
        Api rightPassword = new Api(port, "locksmith", "locksmith");
        assertThat(rightPassword.get("/api/plans").status()).as("refused even with the right password").isEqualTo(429);
        assertThat(new Api(port, "viewer").get("/api/plans").status()).as("other users go on").isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> rightPassword.get("/api/plans").status() == 200);
        assertThat(guessing.get("/api/plans").status()).as("a success forgets the failures").isEqualTo(401);
    }

    @Test
    void answersCarryTheUsualSecurityHeadersForScriptsAndBrowsersAlike() {
        for (Api.Response response : List.of(new Api(port, "viewer").get("/api/plans"),
                new Api(port, null).get("/api/plans"), new Api(port, null).get("/login"))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void theServerRefusesToStartWithDemoPasswordsOnARealDatabase() throws java.io.IOException {
        SpringApplicationBuilder withExternalDatabase = new SpringApplicationBuilder(BackcastApplication.class);
        String sealSigningKey = "--backcast.audit.signing-key=" + ServerProcess.sealSigningKey();

        assertThatThrownBy(() -> withExternalDatabase.run("--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres", "--server.port=0", "--spring.flyway.enabled=false",
                sealSigningKey))
                .hasStackTraceContaining("demo password");
    }
}

package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: created and shown once, used as Bearer with their owner's roles, revoked, never stored in clear. */
@BackcastIntegrationTest
class ApiTokensIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenActsAsItsOwnerUntilItIsRevoked() throws Exception {
        Api planner = new Api(port, "planner");
        Api.Response created = planner.post("/api/tokens", "{\"name\": \"nightly import\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asText();
        String tokenId = created.json().get("tokenId").asText();
        assertThat(token).startsWith("bc_").hasSizeGreaterThan(40);
        Api anonymous = new Api(port, null);

        Api.Response write = anonymous.post("/api/plans", PlanRequests.newPlan("Written with a token"),
                "Authorization", "Bearer " + token);
        assertThat(write.status()).as(write.toString()).isEqualTo(201);
        List<JsonNode> events = PlanRequests.events(planner, write.json().get("planId").asText());
        assertThat(events.get(0).get("author").asText()).isEqualTo("planner");

        JsonNode listed = planner.get("/api/tokens").json();
        assertThat(listed.findValuesAsText("name")).contains("nightly import");
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();

        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM api_token WHERE token_id = ?::uuid", tokenId);
        assertThat(stored.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));
        assertThat(stored.get("token_hash")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));

        assertThat(planner.delete("/api/tokens/" + tokenId, null).status()).isEqualTo(204);
        Api.Response revoked = anonymous.post("/api/plans", PlanRequests.newPlan("Too late"),
                "Authorization", "Bearer " + token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(planner.delete("/api/tokens/" + tokenId, null).status()).isEqualTo(404);
    }

    @Test
    void aViewersTokenReadsButCannotWriteAndAnUnknownTokenIsRefused() {
        Api viewer = new Api(port, "viewer");
        String token = viewer.post("/api/tokens", "{\"name\": \"dashboard\"}").json().get("token").asText();
        Api anonymous = new Api(port, null);

        assertThat(anonymous.get("/api/plans", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(anonymous.post("/api/plans", PlanRequests.newPlan("Viewer"), "Authorization", "Bearer " + token)
                .status()).isEqualTo(403);
        assertThat(anonymous.get("/api/plans", "Authorization", "Bearer bc_not-a-token").status()).isEqualTo(401);
        assertThat(viewer.post("/api/tokens", "{\"name\": \"\"}").status()).isEqualTo(400);
        assertThat(new Api(port, "planner").get("/api/tokens").json().findValuesAsText("name")).doesNotContain("dashboard");
    }
}

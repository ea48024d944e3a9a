package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that looks like SQL, HTML, script or a spreadsheet formula is ordinary text to Backcast: accepted, stored and
 * returned as JSON verbatim, escaped where it leaves as HTML, and neutralised where it leaves as CSV.
 */
@BackcastIntegrationTest
class InjectionShapedTextIT {

    private static final String TITLE = "=HYPERLINK(\"https://example.com\",\"<script>alert(1)</script>\")";
    private static final String PORTFOLIO = "'; drop table domain_event_entry; --";
    private static final String MILESTONE = "@SUM(1+1) <img src=x onerror=alert(1)>";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void injectionShapedTextIsStoredVerbatimAndRenderedHarmless() throws Exception {
        Api planner = new Api(port, "planner");
        ObjectNode request = (ObjectNode) new ObjectMapper().readTree(PlanRequests.newPlan("placeholder"));
        request.put("title", TITLE).put("portfolio", PORTFOLIO);
        Api.Response created = planner.post("/api/plans", request.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String plan = created.json().get("planId").asText();
        id(planner.post("/api/plans/" + plan + "/milestones", new ObjectMapper().createObjectNode()
                .put("name", MILESTONE).put("leadTimeDays", 5).toString()), "milestoneId");

        JsonNode document = planner.get("/api/plans/" + plan + "?minRevision=2").json();
        assertThat(document.get("title").asText()).isEqualTo(TITLE);
        assertThat(document.get("portfolio").asText()).isEqualTo(PORTFOLIO);
        assertThat(document.get("milestones").get(0).get("name").asText()).isEqualTo(MILESTONE);
        assertThat(PlanRequests.events(planner, plan).get(0).get("event").get("title").asText()).isEqualTo(TITLE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_event_log WHERE plan_id = ?::uuid", Long.class,
                plan)).isEqualTo(2);

        String portfolioCsv = planner.get("/api/portfolio?portfolio=" + URLEncoder.encode(PORTFOLIO, StandardCharsets.UTF_8),
                "Accept", "text/csv").text();
        assertThat(portfolioCsv).contains("\"'=HYPERLINK(\"\"https://example.com\"\",")
                .doesNotContain(",=HYPERLINK").doesNotContain("\n=HYPERLINK");
        String timelineCsv = planner.get("/api/plans/" + plan + "/timeline", "Accept", "text/csv").text();
        assertThat(timelineCsv).contains(",'@SUM(1+1) <img src=x onerror=alert(1)>,").doesNotContain(",@SUM");

        String report = reportOf(new Api(port, "auditor").download("/api/plans/" + plan + "/audit/package"));
        assertThat(report).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    private static String reportOf(byte[] zip) throws Exception {
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("report.html")) {
                    return new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no report in the package");
    }
}

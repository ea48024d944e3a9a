package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.backcast.server.PlanRequests.gaplessEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schedule saved by Microsoft Project becomes a DRAFT plan through HTTP: previewed without recording anything,
 * then recorded as one change set naming the file, with its milestones, progress and baseline; files that cannot
 * become a plan are refused with a problem that says why.
 */
@BackcastIntegrationTest
class ScheduleImportIT {

    private static final String FILE = "mpp9baseline.mpp";

    @LocalServerPort
    int port;

    Api planner;

    @BeforeEach
    void signIn() {
        planner = new Api(port, "planner");
    }

    @Test
    void thePreviewReportsTheMappingAndRecordsNothing() {
        Api.Response previewed = planner.upload("/api/plans/imports/preview", FILE, schedule(FILE),
                Map.of("portfolio", "Imports"));

        assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
        JsonNode report = previewed.json();
        assertThat(report.get("file").get("format").asText()).isEqualTo("Microsoft Project MPP");
        assertThat(report.get("file").get("sha256").asText()).hasSize(64);
        assertThat(report.get("title").asText()).isEqualTo("MPP12BaselineTest-9");
        assertThat(report.get("calendar").asText()).isEqualTo("WORKING_DAYS");
        assertThat(report.get("milestones")).hasSize(9);
        assertThat(report.get("baselines").get(0).get("name").asText()).isEqualTo("Baseline");
        for (JsonNode milestone : report.get("milestones")) {
            if (milestone.get("reachedOn").isNull()) {
                assertThat(milestone.get("dueDate")).as(milestone.toString()).isEqualTo(milestone.get("fileLateFinish"));
            }
        }
        assertThat(planner.get("/api/plans?q=MPP12BaselineTest-9&portfolio=Imports").json().get("total").asLong())
                .isZero();
    }

    @Test
    void theImportRecordsADraftPlanAsOneChangeSetNamingTheFile() {
        Api.Response imported = planner.upload("/api/plans/imports", FILE, schedule(FILE),
                Map.of("title", "Baseline test, imported", "portfolio", "Imports"));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String planId = imported.json().get("planId").asText();
        long revision = imported.json().get("revision").asLong();
        assertThat(imported.header("Location")).isEqualTo("/api/plans/" + planId);
        assertThat(imported.header("ETag")).isEqualTo("\"" + revision + "\"");
        JsonNode report = imported.json().get("report");
        String sha256 = report.get("file").get("sha256").asText();

        List<JsonNode> events = gaplessEvents(planner, planId);
        assertThat(events).hasSize((int) revision);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("author").asText()).isEqualTo("planner");
            assertThat(event.get("changeSetMessage").asText()).contains(FILE, "Microsoft Project MPP", sha256);
        });
        assertThat(events.stream().map(event -> event.get("changeSetId").asText()).distinct()).hasSize(1);
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).startsWith("PlanCreated").contains("MilestoneAdded", "MilestoneReached",
                "BaselineCaptured");

        JsonNode plan = await().atMost(Duration.ofSeconds(20)).until(
                () -> planner.get("/api/plans/" + planId + "?minRevision=" + revision), response ->
                        response.status() == 200).json();
        assertThat(plan.get("status").asText()).isEqualTo("DRAFT");
        assertThat(plan.get("title").asText()).isEqualTo("Baseline test, imported");
        assertThat(plan.get("milestones")).hasSize(9);
        assertThat(plan.toString()).contains("Base Task › Subtask 1");
    }

    @Test
    void filesThatCannotBecomeAPlanAreRefusedWithWhatToDo() {
        long plansBefore = planner.get("/api/plans?size=1").json().get("total").asLong();
        long eventsBefore = planner.as("admin").get("/api/admin/projections").json().get(0).get("head").asLong();
        Api.Response notASchedule = planner.upload("/api/plans/imports", "notes.mpp",
                "Minutes of the kick-off meeting.".repeat(40).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());
        assertThat(notASchedule.status()).as(notASchedule.toString()).isEqualTo(422);
        assertThat(notASchedule.json().get("type").asText()).isEqualTo("urn:backcast:problem:unreadable-schedule");
        assertThat(notASchedule.json().get("detail").asText()).contains("Microsoft Project");

        Api.Response locked = planner.upload("/api/plans/imports", "locked.mpp",
                schedule("password-protected-mpp9.mpp"), Map.of());
        assertThat(locked.status()).as(locked.toString()).isEqualTo(422);
        assertThat(locked.json().get("detail").asText()).contains("password");

        Api.Response truncated = planner.upload("/api/plans/imports/preview", FILE,
                java.util.Arrays.copyOf(schedule(FILE), 4096), Map.of());
        assertThat(truncated.status()).as(truncated.toString()).isEqualTo(422);

        Api.Response tooLarge = planner.upload("/api/plans/imports", "huge.xml", new byte[51 * 1024 * 1024],
                Map.of());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("50 MiB");

        Api.Response badDate = planner.upload("/api/plans/imports", FILE, schedule(FILE),
                Map.of("targetDate", "next spring"));
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);

        Api.Response json = planner.post("/api/plans/imports", "{\"file\": \"launch.mpp\"}");
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        assertThat(json.json().get("detail").asText()).contains("multipart/form-data");

        Api.Response viewer = planner.as("viewer").upload("/api/plans/imports", FILE, schedule(FILE), Map.of());
        assertThat(viewer.status()).isEqualTo(403);

        assertThat(planner.get("/api/plans?size=1").json().get("total").asLong()).isEqualTo(plansBefore);
        assertThat(planner.as("admin").get("/api/admin/projections").json().get(0).get("head").asLong())
                .as("events in the store").isEqualTo(eventsBefore);
    }

    private static byte[] schedule(String file) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/schedules", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies and steps the write tests share. */
public final class PlanRequests {

    /** Well ahead of today for the servers the tests start, at {@link ServerTime} or at the wall clock's time. */
    public static final LocalDate TARGET = LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(7);

    private PlanRequests() {
    }

    public static String newPlan(String title) {
        return """
                {"title": "%s", "portfolio": "Payments", "calendar": "CALENDAR_DAYS",
                 "goal": {"headline": "Small merchants get paid by phone in under ten seconds",
                          "subheading": "Tap-to-pay on the merchant's own phone",
                          "customerProblem": "Card terminals cost money and rarely have signal.",
                          "solution": "A wallet app that turns the phone into a contactless terminal.",
                          "customerQuote": "I sold twice as much at the market.",
                          "leaderQuote": "Every merchant already owns the terminal.",
                          "callToAction": "Download the app today.",
                          "targetDate": "%s"}}""".formatted(title, TARGET);
    }

    /** Creates a plan and answers its id. */
    public static String createPlan(Api api, String title) {
        Api.Response created = api.post("/api/plans", newPlan(title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("planId").asText();
    }

    public static List<JsonNode> events(Api api, String planId) {
        Api.Response events = api.get("/api/plans/" + planId + "/events");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        return events.lines();
    }

    /** The plan's events, after checking that its revisions run from 1 without a gap. */
    public static List<JsonNode> gaplessEvents(Api api, String planId) {
        List<JsonNode> recorded = events(api, planId);
        assertThat(recorded.stream().map(event -> event.get("revision").asLong()).toList())
                .as("revisions of plan %s", planId)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, recorded.size()).boxed().toList());
        return recorded;
    }

    /** Counts the texts of the questions raised after the plan's creation, one by one. */
    public static void countQuestionTexts(List<JsonNode> events, Map<String, Integer> counts) {
        events.stream().skip(1).forEach(event -> counts.merge(event.get("event").get("text").asText(), 1,
                Integer::sum));
    }

    public static String id(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json().get(field).asText();
    }
}

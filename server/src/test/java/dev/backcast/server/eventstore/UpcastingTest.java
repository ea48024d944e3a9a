package dev.backcast.server.eventstore;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored years ago still load after their class changes. The fixture is a plan's 41 events exactly as the
 * event table holds them today; the test changes {@link QuestionRaised} in a test-only way (its {@code text} is now
 * read from a field named {@code wording}) and shows that, through the same upcasting path the event store reads
 * with, the old events load into the same plan state with the upcaster and lose the questions' text without it.
 */
class UpcastingTest {

    private static final String FIXTURE = "/upcasting/stored-events-wallet-plan.json";

    /** The test-only change: the question's text is stored under a new name from revision 2 on. */
    abstract static class QuestionRaisedReadsWording {
        @JsonProperty("wording")
        abstract String text();

        QuestionRaisedReadsWording(@JsonProperty("planId") UUID planId, @JsonProperty("questionId") UUID questionId,
                                   @JsonProperty("kind") QuestionKind kind, @JsonProperty("wording") String text,
                                   @JsonProperty("reason") Reason reason) {
        }
    }

    /** The upcaster that change would ship with. */
    static final class QuestionTextBecameWording extends JsonEventUpcaster {
        QuestionTextBecameWording() {
            super(QuestionRaised.class.getName(), null, "2");
        }

        @Override
        protected JsonNode reshape(ObjectNode payload) {
            payload.set("wording", payload.remove("text"));
            return payload;
        }
    }

    @Test
    void theStoredEventsOfTodayLoadIntoTheSamePlanStateAfterTheClassChanges() throws IOException {
        List<DomainEventData<?>> stored = storedEvents();
        PlanState today = fold(stored, serializer(false), NoOpEventUpcaster.INSTANCE);
        assertThat(today.revision()).isEqualTo(41);

        PlanState withoutUpcaster = fold(stored, serializer(true), NoOpEventUpcaster.INSTANCE);
        PlanState upcast = fold(stored, serializer(true), new EventUpcasterChain(new QuestionTextBecameWording()));

        assertThat(withoutUpcaster).as("without the upcaster the questions lose their text").isNotEqualTo(today);
        assertThat(upcast).isEqualTo(today);
    }

    @Test
    void theUpcasterLeavesEventsOfOtherTypesAndLaterRevisionsAlone() throws IOException {
        List<DomainEventData<?>> stored = storedEvents();
        List<PlanEvent> plain = events(stored, serializer(false), NoOpEventUpcaster.INSTANCE);
        List<PlanEvent> upcast = events(stored, serializer(true), new EventUpcasterChain(new QuestionTextBecameWording()));
        for (int i = 0; i < plain.size(); i++) {
            assertThat(upcast.get(i)).isEqualTo(plain.get(i));
        }
    }

    private static PlanState fold(List<DomainEventData<?>> stored, Serializer serializer, EventUpcaster upcaster) {
        return PlanState.replay(events(stored, serializer, upcaster));
    }

    private static List<PlanEvent> events(List<DomainEventData<?>> stored, Serializer serializer,
                                          EventUpcaster upcaster) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(stored.stream(), serializer,
                upcaster);
        List<PlanEvent> events = new ArrayList<>();
        stream.forEachRemaining(message -> events.add((PlanEvent) message.getPayload()));
        return events;
    }

    private static Serializer serializer(boolean questionTextRenamed) {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (questionTextRenamed) {
            mapper.addMixIn(QuestionRaised.class, QuestionRaisedReadsWording.class);
        }
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private static List<DomainEventData<?>> storedEvents() throws IOException {
        List<DomainEventData<?>> rows = new ArrayList<>();
        try (InputStream fixture = UpcastingTest.class.getResourceAsStream(FIXTURE)) {
            for (JsonNode row : new ObjectMapper().readTree(fixture)) {
                rows.add(new GenericDomainEventEntry<>(row.get("type").asText(),
                        row.get("aggregateIdentifier").asText(), row.get("sequenceNumber").asLong(),
                        row.get("eventIdentifier").asText(), row.get("timeStamp").asText(),
                        row.get("payloadType").asText(), row.get("payloadRevision").isNull() ? null
                        : row.get("payloadRevision").asText(),
                        row.get("payload").asText().getBytes(StandardCharsets.UTF_8),
                        row.get("metaData").asText().getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat(rows).hasSize(41);
        return rows;
    }
}

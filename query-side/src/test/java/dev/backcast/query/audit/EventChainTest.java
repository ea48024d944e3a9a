package dev.backcast.query.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixed vectors for the canonical encoding and the chain, computed independently by PostgreSQL's implementation in
 * migration V7 ({@code audit_canonical_event}, {@code sha256}): an auditor's re-implementation must produce them too.
 */
class EventChainTest {

    static final String PLAN = "7d1f0c5e-2b8a-4e55-9a0c-3f6e2d1b9a01";
    static final StoredEvent CREATED = new StoredEvent(PLAN, 0, "e-1", "PlanAggregate",
            "dev.backcast.plan.PlanCreated", null, utf8("{\"title\":\"Café\"}"), utf8("{\"author\":\"ana\"}"),
            "2026-01-05T09:00:00Z", null);
    static final StoredEvent ADDED = new StoredEvent(PLAN, 1, "e-2", "PlanAggregate",
            "dev.backcast.plan.MilestoneAdded", "2", utf8("{}"), null, "2026-01-06T10:30:00.123Z", null);

    @Test
    void theCanonicalEncodingIsEachFieldLengthPrefixedWithAbsentFieldsAsFFFFFFFF() {
        assertThat(EventChain.hex(EventChain.canonical(CREATED))).isEqualTo(
                "00000024" + hex(PLAN) + "00000001" + hex("0") + "00000003" + hex("e-1") + "0000000d"
                        + hex("PlanAggregate") + "0000001d" + hex("dev.backcast.plan.PlanCreated") + "ffffffff"
                        + "00000011" + "7b227469746c65223a22436166c3a9227d" + "00000010" + hex("{\"author\":\"ana\"}")
                        + "00000014" + hex("2026-01-05T09:00:00Z"));
    }

    @Test
    void theChainStartsFromZeroesAndLinksEachEventToThePreviousHash() {
        byte[] first = EventChain.link(EventChain.GENESIS, CREATED);
        assertThat(EventChain.hex(first)).isEqualTo("7fa5ff7ca632c3e2c9ac64c5029d2950e0479664bc1333920de90292df47a3fe");
        assertThat(EventChain.hex(EventChain.link(first, ADDED)))
                .isEqualTo("9c317e6a7133e5e759c07568d960f3f15605e19c982e7d56e00ae5a45f1646bf");
    }

    @Test
    void anyChangedByteChangesTheHash() {
        byte[] payload = CREATED.payload().clone();
        payload[3] ^= 1;
        StoredEvent changed = new StoredEvent(PLAN, 0, "e-1", "PlanAggregate", "dev.backcast.plan.PlanCreated", null,
                payload, CREATED.metaData(), CREATED.timeStamp(), null);
        assertThat(EventChain.link(EventChain.GENESIS, changed)).isNotEqualTo(EventChain.link(EventChain.GENESIS,
                CREATED));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(String text) {
        return EventChain.hex(utf8(text));
    }
}

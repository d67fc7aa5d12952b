package io.streamgate.gateway.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Resume ids as clients send them back ({@code Last-Event-ID}, {@code ?last_event_id=}, SkySpy's and the
 * combined ids of multi-feed SSE streams): any text is either one of ours for the topic or nothing — never
 * an exception, never another topic's position — and every id we wrote reads back as the same position.
 */
class ResumeIdProperties {

    private static final String TOPIC = "alerts.triggered";

    @Property(seed = "2301")
    void anyTextIsOurPositionOrNothing(@ForAll("ids") String id) {
        Optional<StreamPosition> position = StreamPosition.decode(id, TOPIC);
        position.ifPresent(p -> {
            assertEquals(TOPIC, p.topic());
            for (int partition = 0; partition < p.partitions(); partition++) {
                assertTrue(p.next(partition) >= 0);
            }
        });
        String found = CombinedCursor.idFor(id, TOPIC);
        if (found != null) {
            assertTrue(StreamPosition.decode(found, TOPIC).isPresent());
        }
        Statistics.collect(position.isPresent() ? "ours" : "not ours");
    }

    @Property(seed = "2302")
    void everyIdWeWriteReadsBack(@ForAll("positions") long[] next) {
        StreamPosition position = StreamPosition.start(TOPIC, 0);
        for (int partition = 0; partition < next.length; partition++) {
            position = position.at(partition, next[partition]);
        }
        StreamPosition read = StreamPosition.decode(position.encode(), TOPIC).orElseThrow();
        for (int partition = 0; partition < next.length; partition++) {
            assertEquals(next[partition], read.next(partition));
        }
        assertEquals(Optional.empty(), StreamPosition.decode(position.encode(), "other.topic"));
    }

    @Property(seed = "2303")
    void aCombinedIdYieldsEachFeedsOwnPart(@ForAll("positions") long[] next, @ForAll("noise") String noise) {
        StreamPosition alerts = StreamPosition.start(TOPIC, 0).at(0, next[0]);
        StreamPosition statuses = StreamPosition.start("machines.status", 0).at(0, next.length);
        String combined = String.join(".", List.of(noise, alerts.encode(), statuses.encode()));
        assertEquals(alerts.encode(), CombinedCursor.idFor(combined, TOPIC));
        assertEquals(statuses.encode(), CombinedCursor.idFor(combined, "machines.status"));
    }

    /** A topic has at least one partition, so every id written names one. */
    @Provide
    Arbitrary<long[]> positions() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).array(long[].class).ofMinSize(1).ofMaxSize(64);
    }

    /** Text in a combined id that is no feed's position (the stream writes one part per feed). */
    @Provide
    Arbitrary<String> noise() {
        return ids().map(id -> id.replace(".", "")).filter(id -> CombinedCursor.idFor(id, TOPIC) == null
                && CombinedCursor.idFor(id, "machines.status") == null);
    }

    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> inside = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100),
                Arbitraries.strings().withChars("0123456789,|-+ ").ofMaxLength(60).map(tail -> TOPIC + "|" + tail),
                Arbitraries.of(TOPIC + "|", TOPIC + "|-1", TOPIC + "|9223372036854775808", TOPIC + "|1,,2",
                        "other.topic|1,2", "|", TOPIC, TOPIC + "|" + "1,".repeat(3000) + "1"));
        Arbitrary<String> encoded = inside.map(text -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> mangled = Combinators.combine(encoded, Arbitraries.integers().between(0, 100),
                Arbitraries.chars().with("=+/.% \u00e9\n".toCharArray()))
                .as((id, at, c) -> id.isEmpty() ? String.valueOf(c) : id.substring(0, at % id.length()) + c
                        + id.substring(at % id.length()));
        return Arbitraries.frequencyOf(Tuple.of(3, encoded), Tuple.of(2, mangled),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(5000)),
                Tuple.of(1, encoded.list().ofMaxSize(5).map(parts -> String.join(".", parts))));
    }
}

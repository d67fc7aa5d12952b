package io.streamgate.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.streamgate.gateway.testing.RecordingSession;

class SubscribersTest {

    private final Subscribers<String, Encoder<String>> subscribers = new Subscribers<>();

    @Test
    void eachTickIsEncodedOncePerEncoderAndTheSameFrameGoesToEverySession() {
        AtomicInteger encodings = new AtomicInteger();
        Encoder<String> encoder = events -> {
            encodings.incrementAndGet();
            return List.of(new String(String.join(",", events)));
        };
        RecordingSession a = new RecordingSession("a", 10);
        RecordingSession b = new RecordingSession("b", 10);
        RecordingSession c = new RecordingSession("c", 10);
        subscribers.add("acme", encoder, a);
        subscribers.add("acme", encoder, b);
        subscribers.add("acme", encoder, c);

        long written = subscribers.publish("acme", List.of("x", "y"), s -> {
        });

        assertEquals(1, encodings.get());
        assertEquals(3, written);
        assertEquals(List.of("x,y"), a.texts());
        assertSame(a.frame(0), b.frame(0), "the very same frame and bytes, not a copy per session");
        assertSame(a.frame(0), c.frame(0));
    }

    @Test
    void aTenantsEventsReachOnlyThatTenantsSessions() {
        Encoder<String> encoder = events -> List.copyOf(events);
        RecordingSession acme = new RecordingSession("acme-1", 10);
        RecordingSession globex = new RecordingSession("globex-1", 10);
        subscribers.add("acme", encoder, acme);
        subscribers.add("globex", encoder, globex);

        subscribers.publish("acme", List.of("secret"), s -> {
        });

        assertEquals(List.of("secret"), acme.texts());
        assertTrue(globex.texts().isEmpty());
    }

    @Test
    void aSessionThatRefusesIsReportedAndGetsNoMoreFramesOfThatTick() {
        Encoder<String> encoder = events -> List.copyOf(events);
        RecordingSession full = new RecordingSession("full", 1);
        List<Session> refused = new ArrayList<>();
        subscribers.add("acme", encoder, full);

        subscribers.publish("acme", List.of("1", "2", "3"), refused::add);

        assertEquals(List.of("1"), full.texts());
        assertEquals(List.of(full), refused);
    }

    @Test
    void removedSessionsAreForgotten() {
        RecordingSession session = new RecordingSession("s", 10);
        subscribers.add("acme", events -> List.copyOf(events), session);

        assertTrue(subscribers.remove(session));
        assertFalse(subscribers.remove(session));
        assertFalse(subscribers.hasSubscribers("acme"));
        assertEquals(0, subscribers.size());
    }
}

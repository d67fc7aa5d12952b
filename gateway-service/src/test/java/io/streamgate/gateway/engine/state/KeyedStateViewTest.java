package io.streamgate.gateway.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.testing.RecordingSession;

/** The keyed-state view every domain uses: conflation per tick, filters, batch windows, park and resync. */
class KeyedStateViewTest {

    record Machine(String id, String line, int temperature) {
    }

    /** Writes changes as {@code KIND id=temperature[~shipped]}, snapshots as {@code snapshot id,id}. */
    record TextCodec(String name, Duration batchWindow) implements StateCodec<Machine> {
        @Override
        public List<String> encode(List<StateChange<Machine>> changes) {
            return List.of(changes.stream().map(c -> c.kind() + " " + c.value().id() + "=" + c.value().temperature()
                    + (c.shipped() == null ? "" : "~" + c.shipped().temperature())).collect(Collectors.joining(";")));
        }

        @Override
        public String snapshot(Collection<Machine> values) {
            return "snapshot " + values.stream().map(Machine::id).sorted().collect(Collectors.joining(","));
        }

        @Override
        public String heartbeat(int count) {
            return "heartbeat " + count;
        }
    }

    record OnLine(String line) implements StateFilter<Machine> {
        @Override
        public boolean test(Machine machine) {
            return machine.line().equals(line);
        }
    }

    private final EngineLoop loop = new EngineLoop();
    private final KeyedStateView<Machine> view = new KeyedStateView<>("machines", Machine::id, loop,
            config(Duration.ofMillis(20), Duration.ofHours(1)), new SimpleMeterRegistry());
    private final TextCodec fast = new TextCodec("fast", null);

    @AfterEach
    void stop() throws Exception {
        loop.submit(() -> null).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSubscriberGetsTheSnapshotThenOneConflatedChangePerKeyPerTick() throws Exception {
        onEngine(() -> view.put("acme", new Machine("m1", "a", 20)));
        RecordingSession session = new RecordingSession("s1", Integer.MAX_VALUE);
        view.subscribe(session, "acme", fast);
        session.await(f -> f.startsWith("snapshot"));
        onEngine(() -> {
            view.put("acme", new Machine("m1", "a", 21));
            view.put("acme", new Machine("m1", "a", 22));
            view.put("acme", new Machine("m2", "a", 5));
            view.put("other", new Machine("x", "a", 99));
        });
        assertEquals("UPDATE m1=22~20;NEW m2=5", session.await(f -> !f.startsWith("snapshot")));
        onEngine(() -> view.remove("acme", "m2"));
        assertEquals("REMOVE m2=5~5", session.await(f -> f.startsWith("REMOVE")));
        assertEquals(List.of("snapshot m1", "UPDATE m1=22~20;NEW m2=5", "REMOVE m2=5~5"), session.texts());
    }

    @Test
    void sessionsWithEqualFiltersShareOneFrameAndOthersSeeOnlyTheirs() throws Exception {
        RecordingSession lineA = new RecordingSession("a1", Integer.MAX_VALUE);
        RecordingSession lineAToo = new RecordingSession("a2", Integer.MAX_VALUE);
        RecordingSession lineB = new RecordingSession("b1", Integer.MAX_VALUE);
        view.subscribe(lineA, "acme", fast, new OnLine("a"));
        view.subscribe(lineAToo, "acme", fast, new OnLine("a"));
        view.subscribe(lineB, "acme", fast, new OnLine("b"));
        onEngine(() -> {
            view.put("acme", new Machine("m1", "a", 1));
            view.put("acme", new Machine("m2", "b", 2));
        });
        assertEquals("NEW m1=1", lineA.await(f -> f.startsWith("NEW")));
        lineAToo.await(f -> f.startsWith("NEW"));
        assertEquals("NEW m2=2", lineB.await(f -> f.startsWith("NEW")));
        assertSame(lineA.frame(1), lineAToo.frame(1), "encoded once, the same bytes for both");
    }

    @Test
    void eachBatchWindowConflatesAndComputesDeltasOnItsOwn() throws Exception {
        TextCodec slow = new TextCodec("slow", Duration.ofHours(1));
        RecordingSession fastSession = new RecordingSession("f", Integer.MAX_VALUE);
        RecordingSession slowSession = new RecordingSession("s", Integer.MAX_VALUE);
        view.subscribe(fastSession, "acme", fast);
        view.subscribe(slowSession, "acme", slow);
        onEngine(() -> view.put("acme", new Machine("m1", "a", 1)));
        fastSession.await(f -> f.startsWith("NEW"));
        onEngine(() -> view.put("acme", new Machine("m1", "a", 2)));
        assertEquals("UPDATE m1=2~1", fastSession.await(f -> f.startsWith("UPDATE")));
        // The hour-long window has not ticked: its subscriber got the snapshot and nothing else.
        assertEquals(List.of("snapshot "), slowSession.texts());
    }

    @Test
    void aSessionThatRefusesIsParkedAndResyncedWithASnapshotOnceDrained() throws Exception {
        RecordingSession session = new RecordingSession("slow", 1);
        view.subscribe(session, "acme", fast);
        session.await(f -> f.startsWith("snapshot"));
        onEngine(() -> view.put("acme", new Machine("m1", "a", 1)));
        // Its buffer is full: the change is refused and the session parked.
        session.awaitRefusals(1);
        onEngine(() -> view.put("acme", new Machine("m2", "a", 2)));
        onEngine(() -> { });
        session.capacity = Integer.MAX_VALUE;
        assertEquals("snapshot m1,m2", session.await(f -> f.startsWith("snapshot m1")));
        onEngine(() -> view.put("acme", new Machine("m2", "a", 3)));
        assertEquals("UPDATE m2=3~2", session.await(f -> f.startsWith("UPDATE")));
        assertEquals(1, session.refusals);
    }

    private void onEngine(Runnable task) throws Exception {
        loop.submit(() -> {
            task.run();
            return null;
        }).get(5, TimeUnit.SECONDS);
    }

    private static EngineConfig config(Duration tick, Duration heartbeat) {
        return new EngineConfig() {
            public Duration tick() {
                return tick;
            }

            public int sessionBufferBytes() {
                return 1 << 20;
            }

            public Optional<Long> totalBufferBytes() {
                return Optional.empty();
            }

            public int maxResyncsPerTick() {
                return 10;
            }

            public int writesPerTurn() {
                return 256;
            }

            public Duration warmupLookback() {
                return Duration.ofMinutes(5);
            }

            public Duration heartbeat() {
                return heartbeat;
            }

            public Duration pollTimeout() {
                return Duration.ofMillis(100);
            }

            public Duration unreadCloseTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}

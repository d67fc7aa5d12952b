package io.streamgate.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;

/**
 * A request of many records while the producer has no metadata for the topic (the broker down since before it
 * last learnt the partitions) answers 503 within its ack timeout, as a client's HTTP timeout expects — not once per
 * record after blocking max-block for each. The address is a port nothing listens on, so no broker ever answers.
 */
class UnreachableBrokerTest {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(1);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);
    /** Enough records that blocking max-block for each (20 s) is far past any bound a client would wait. */
    private static final int RECORDS = 20;

    @Test
    void aManyRecordRequestFailsWithinTheAckTimeout() throws IOException {
        EventWriter writer = new EventWriter(KafkaClients.of(Map.of("bootstrap.servers",
                "127.0.0.1:" + unusedPort())), config(), new SimpleMeterRegistry());
        try {
            List<OutboundEvent> events = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                events.add(new OutboundEvent(EventEnvelope.of("test", EventTypes.AIRCRAFT_POSITION, Instant.now(),
                        "a" + i, "default"), new byte[] { '{', '}' }));
            }
            // The bound is the request's contract (ack timeout, plus one max-block and slack), not a speed target.
            assertTimeoutPreemptively(ACK_TIMEOUT.plus(MAX_BLOCK).plusSeconds(3), () -> assertThrows(
                    BrokerUnavailableException.class, () -> writer.writeAll(Topics.AIRCRAFT_POSITIONS, events)));
        } finally {
            writer.close();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static IngestKafkaConfig config() {
        return new IngestKafkaConfig() {
            @Override
            public Duration ackTimeout() {
                return ACK_TIMEOUT;
            }

            @Override
            public Duration maxBlock() {
                return MAX_BLOCK;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration linger() {
                return Duration.ofMillis(5);
            }

            @Override
            public int batchSize() {
                return 16_384;
            }

            @Override
            public String compression() {
                return "none";
            }
        };
    }
}

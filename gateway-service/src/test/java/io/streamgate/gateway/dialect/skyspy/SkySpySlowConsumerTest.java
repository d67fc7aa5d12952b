package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.transport.RawWebSocket;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.topic.Topics;

/**
 * A client that stops reading while safety events keep coming — a phone in a tunnel, a frozen tab.
 * The gateway must not buffer for it without bound and must not skip a safety event for it: it
 * holds at most the session's outbound budget, then closes the connection with 1013, and the client
 * resumes from the last event it got and receives every later one, once, in order.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpySlowConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Far more than the 1 MiB session budget plus what both kernels buffer on loopback. */
    private static final int EVENTS = 1_500;
    private static final String PADDING = "x".repeat(4_000);
    private static final String SLOW_CLOSES = "streamgate_gateway_slow_consumer_closes_total{feed=\"safety.events\"}";
    private static final String UNFLUSHED = "streamgate_gateway_outbound_unflushed_bytes";
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10 + 5_000_000);

    @TestHTTPResource("/ws/safety/")
    URI endpoint;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientThatStopsReadingCostsAtMostItsBudgetIsClosedWith1013AndResumesWithoutLosingAnEvent()
            throws Exception {
        long budget = ConfigProvider.getConfig()
                .getOptionalValue("streamgate.gateway.engine.session-buffer-bytes", Long.class).orElse(1_048_576L);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> published = new ArrayList<>();
        double closesBefore = metric(SLOW_CLOSES);

        List<Long> received = new ArrayList<>();
        String lastEventId = null;
        int closeCode = -1;
        long[] mostUnflushed = {0};
        try (RawWebSocket stalled = RawWebSocket.connect(ws(""), 4_096)) {
            RawWebSocket.Frame first = stalled.next();
            assertEquals("safety:snapshot", json(first.text()).path("type").asText(),
                    "the snapshot comes first; after it the session is subscribed");

            // The client reads nothing from here on, until the gateway has given up on it.
            publishAll(run, published);
            Deadline.await("the gateway to close the stalled client", WAIT, () -> {
                mostUnflushed[0] = Math.max(mostUnflushed[0], (long) metric(UNFLUSHED));
                return metric(SLOW_CLOSES) > closesBefore;
            });

            // What was already on its way still arrives, then the close frame.
            try {
                while (true) {
                    RawWebSocket.Frame frame = stalled.next();
                    if (frame.isClose()) {
                        closeCode = frame.closeCode();
                        break;
                    }
                    JsonNode message = json(frame.text());
                    if (run.equals(message.path("data").path("details").path("run").asText())) {
                        received.add(message.path("data").path("id").asLong());
                        lastEventId = message.path("event_id").asText();
                    }
                }
            } catch (EOFException closedWithoutCloseFrame) {
                // Reported by the close-code assertion below.
            }
        }

        assertEquals(SkySpyCloseCodes.SLOW_CONSUMER, closeCode, "closed with 1013 (try again later), not dropped");
        assertTrue(!received.isEmpty() && received.size() < EVENTS,
                "the client got part of the stream before it stalled: " + received.size());
        assertEquals(published.subList(0, received.size()), received,
                "what the client got before the close is the start of the stream, with no event skipped");
        long largestFrame = PADDING.length() + 2_000;
        assertTrue(mostUnflushed[0] <= budget + largestFrame,
                "the gateway held " + mostUnflushed[0] + " bytes for the stalled client; its budget is " + budget);
        Deadline.await("the closed session's buffer to be released", WAIT, () -> metric(UNFLUSHED) < largestFrame);

        List<Long> resumed = new ArrayList<>();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("?last_event_id=" + lastEventId))) {
            while (received.size() + resumed.size() < EVENTS) {
                JsonNode message = json(client.nextMatching(f -> f.contains("SLOW" + run), WAIT));
                resumed.add(message.path("data").path("id").asLong());
            }
        }
        assertEquals(published.subList(received.size(), EVENTS), resumed,
                "the resumed client gets every event it missed, once, in order");
    }

    private void publishAll(String run, List<Long> published) throws Exception {
        RecordHeaders template = new RecordHeaders();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                long id = IDS.incrementAndGet();
                published.add(id);
                Instant now = Instant.now();
                // Ended events: each is a live safety:event, yet none stays in the active snapshot.
                SafetyEvent event = new SafetyEvent(id, now, SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL,
                        "a1b2c3", null, "SLOW" + run, null, "Emergency squawk 7700 detected",
                        Map.of("squawk", "7700", "run", run, "padding", PADDING), now.minusSeconds(5), now, false,
                        false);
                RecordHeaders headers = new RecordHeaders();
                KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.SAFETY_EVENT, now, String.valueOf(id),
                        "default"), headers);
                // One key: one partition, so the feed's order is the publishing order.
                sent.add(producer.send(new ProducerRecord<>(Topics.SAFETY_EVENTS.name(), null, "slow-" + run,
                        Json.encode(event), headers)));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private double metric(String series) {
        try {
            String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        } catch (Exception e) {
            throw new AssertionError("metrics unavailable", e);
        }
    }

    private URI ws(String query) {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws") + query);
    }

    private static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }
}

package io.streamgate.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.e2e.faults.ResumingClient.Endpoint;
import io.streamgate.e2e.faults.ResumingClient.Transport;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.topic.Topics;

/**
 * The critical feeds of every dialect, each paired with the endpoint a client resumes it on. Feeds that ingest
 * takes (ACARS, job events, NGSI entities) are posted to ingest over HTTP; feeds that safety-service computes
 * (safety episodes, sensor alerts, geofence events) are written to their topic as safety-service writes them,
 * so the gateway's resume is judged on exactly known input, whatever the detectors do meanwhile.
 */
public final class DialectFeeds implements AutoCloseable {

    /** A live feed and the endpoint its events reach a client on. */
    public record Pair(LiveFeed feed, Endpoint endpoint) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Above ingest's 15 s acknowledgement timeout: a 503 comes as an answer, not as a client-side timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<URI> ingest;
    private final String tenant;
    private final String token;
    private final EventWriter writer;
    private final List<Pair> pairs = new ArrayList<>();

    /**
     * @param ingest the ingest instance each post goes to (asked per post: a test may spread them)
     * @param tenant lower case letters, digits and {@code _} (NGSI's tenant syntax)
     */
    public DialectFeeds(Supplier<URI> ingest, String bootstrapServers, String tenant, String token) {
        this.ingest = ingest;
        this.tenant = tenant;
        this.token = token;
        this.writer = new EventWriter(bootstrapServers);
    }

    /** Every dialect's critical feed: SkySpy's ACARS and safety events, Spooled, Haltless, SpatialFlow, GeonicDB. */
    public List<Pair> all() {
        return List.of(skySpyAcars(), skySpySafety(), spooledJobs(), haltlessAlerts(), spatialFlowGeofences(),
                geonicDbEntities());
    }

    /** SkySpy {@code /ws/acars/}: ACARS posted to ingest, resumed with {@code ?last_event_id=}. */
    Pair skySpyAcars() {
        LiveFeed feed = new LiveFeed("skyspy-acars") {
            @Override
            protected Outcome publish(FeedEvent event) throws Exception {
                return post("/v1/acars/messages", Map.of("messages", List.of(Map.of(
                        "timestamp", Instant.now().toString(), "source", "ACARS", "label", "H1",
                        "callsign", "FLT" + event.key().substring(1), "text", event.key() + ":" + event.n()))));
            }
        };
        return add(feed, new Endpoint("skyspy-acars-ws", Transport.WEBSOCKET, "/ws/acars/", bearer(), message -> {
            JsonNode json = json(message.data());
            if (!"acars:message".equals(json.path("type").asText())) {
                return null;
            }
            return numbered(json.path("data").path("text").asText());
        }));
    }

    /** SkySpy {@code /ws/safety/}: revisions of three episodes on {@code safety.events}, as safety-service writes them. */
    Pair skySpySafety() {
        LiveFeed feed = new LiveFeed("skyspy-safety") {
            @Override
            protected Outcome publish(FeedEvent event) {
                long id = episodeId(event.key());
                Instant now = Instant.now();
                SafetyEvent record = new SafetyEvent(id, now, SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL,
                        "fa17e" + event.key().substring(1), null, "FLT" + event.key().substring(1), null,
                        event.key() + ":" + event.n(), Map.of("squawk", "7700"), now, now, true, false);
                writer.send(Topics.SAFETY_EVENTS.name(), String.valueOf(id), EventTypes.SAFETY_EVENT, tenant,
                        Json.encode(record));
                return Outcome.ACCEPTED;
            }

            @Override
            protected String keyOf(long n) {
                return "e" + (n % 3);
            }
        };
        return add(feed, new Endpoint("skyspy-safety-ws", Transport.WEBSOCKET, "/ws/safety/", bearer(), message -> {
            JsonNode json = json(message.data());
            if (!"safety:event".equals(json.path("type").asText())) {
                return null;
            }
            return numbered(json.path("data").path("message").asText());
        }));
    }

    /** Spooled {@code /api/v1/events}: job events posted to ingest, resumed with {@code Last-Event-ID}. */
    Pair spooledJobs() {
        LiveFeed feed = new LiveFeed("spooled-jobs") {
            @Override
            protected Outcome publish(FeedEvent event) throws Exception {
                return post("/v1/jobs/events", Map.of("events", List.of(Map.of("event", "created",
                        "job_id", event.key(), "queue", "faults", "status", "pending",
                        "timestamp", Instant.now().toString()))));
            }

            @Override
            protected String keyOf(long n) {
                // One job per event: its key is the job id, each job a single event.
                return "job-" + n;
            }
        };
        return add(feed, new Endpoint("spooled-sse", Transport.SSE, "/api/v1/events", bearer(), message -> {
            JsonNode json = json(message.data());
            if (!"JobCreated".equals(json.path("type").asText())) {
                return null;
            }
            String job = json.path("data").path("job_id").asText();
            return job.startsWith("job-") ? new FeedEvent(job, Long.parseLong(job.substring(4))) : null;
        }));
    }

    /** Haltless {@code /api/v1/sse/dashboard}: sensor alerts of three rules on {@code alerts.triggered}. */
    Pair haltlessAlerts() {
        LiveFeed feed = new LiveFeed("haltless-alerts") {
            @Override
            protected Outcome publish(FeedEvent event) {
                SensorAlert alert = new SensorAlert(event.key() + ":" + event.n(), event.key(), "press-" + event.key(),
                        "temperature", "critical", "Temperature exceeded threshold", 90, 85, Instant.now());
                writer.send(Topics.ALERTS_TRIGGERED.name(), event.key(), EventTypes.SENSOR_ALERT, tenant,
                        Json.encode(alert));
                return Outcome.ACCEPTED;
            }
        };
        return add(feed, new Endpoint("haltless-sse", Transport.SSE, "/api/v1/sse/dashboard", bearer(), message -> {
            JsonNode json = json(message.data());
            return "alert".equals(json.path("type").asText()) ? numbered(json.path("alert_id").asText()) : null;
        }));
    }

    /** SpatialFlow {@code /sse/events/geofence/}: entries of three devices on {@code geofence.events}. */
    Pair spatialFlowGeofences() {
        LiveFeed feed = new LiveFeed("spatialflow-geofence") {
            @Override
            protected Outcome publish(FeedEvent event) {
                GeofenceEvent entry = new GeofenceEvent("ge-" + event.n(), event.key(), event.key() + ":" + event.n(),
                        "Faults zone", "entry", new GeoPoint(47.45, 8.56), Instant.now());
                writer.send(Topics.GEOFENCE_EVENTS.name(), event.key(), EventTypes.GEOFENCE_EVENT, tenant,
                        Json.encode(entry));
                return Outcome.ACCEPTED;
            }
        };
        return add(feed, new Endpoint("spatialflow-sse", Transport.SSE, "/sse/events/geofence/", bearer(), message -> {
            JsonNode json = json(message.data());
            if (!"geofence_event".equals(json.path("type").asText())) {
                return null;
            }
            return numbered(json.path("event").path("geofence_id").asText());
        }));
    }

    /** GeonicDB {@code /sse/entities}: three NGSI entities posted to ingest, one attribute counting up. */
    Pair geonicDbEntities() {
        Set<String> created = new HashSet<>();
        LiveFeed feed = new LiveFeed("geonicdb-entities") {
            @Override
            protected Outcome publish(FeedEvent event) throws Exception {
                String id = "urn:ngsi-ld:Room:" + event.key();
                Map<String, Object> seq = Map.of("seq", Map.of("type", "Number", "value", event.n()));
                // Created once: after a 503 the entity is stored anyway (ingest's outbox announces it later).
                if (created.add(id)) {
                    Map<String, Object> entity = new java.util.LinkedHashMap<>(seq);
                    entity.put("id", id);
                    entity.put("type", "Room");
                    return post("/v2/entities", entity);
                }
                return post("/v2/entities/" + id + "/attrs", seq);
            }
        };
        return add(feed, new Endpoint("geonicdb-sse", Transport.SSE, "/sse/entities?tenant=" + tenant, bearer(),
                message -> {
                    JsonNode json = json(message.data());
                    String entity = json.path("entityId").asText();
                    JsonNode value = json.path("data").path("seq").path("value");
                    if (!entity.startsWith("urn:ngsi-ld:Room:") || !value.canConvertToLong()
                            || "entityDeleted".equals(json.path("type").asText())) {
                        return null;
                    }
                    return new FeedEvent(entity.substring("urn:ngsi-ld:Room:".length()), value.asLong());
                }));
    }

    List<Pair> pairs() {
        return List.copyOf(pairs);
    }

    @Override
    public void close() {
        pairs.forEach(p -> p.feed().close());
        writer.close();
    }

    private Pair add(LiveFeed feed, Endpoint endpoint) {
        Pair pair = new Pair(feed, endpoint);
        pairs.add(pair);
        return pair;
    }

    private LiveFeed.Outcome post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ingest.get().resolve(path))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Fiware-Service", tenant)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.encode(body))).build(),
                HttpResponse.BodyHandlers.discarding());
        return LiveFeed.Outcome.http(response.statusCode());
    }

    private Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static long episodeId(String key) {
        return 7_000_000L + Long.parseLong(key.substring(1));
    }

    /** {@code "k1:17"} → key k1, number 17; anything else (another run's, the demo traffic's) → null. */
    private static FeedEvent numbered(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return new FeedEvent(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private static JsonNode json(String data) {
        try {
            return Json.mapper().readTree(data);
        } catch (IOException notJson) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}

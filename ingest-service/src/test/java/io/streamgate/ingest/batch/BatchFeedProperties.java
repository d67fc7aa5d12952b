package io.streamgate.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

import io.streamgate.ingest.fuzz.FuzzedJson;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.json.Json;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;

/**
 * Every batch feed's reader, in bulk: whatever the body, it is either read into items that can be written
 * (an envelope and a JSON payload each, as {@link BatchIngest#ingest} builds them) or refused with one of
 * the two refusals the problem mappers turn into a 400 or 422. Anything else would be a 500.
 */
class BatchFeedProperties {

    /** A feed's resource, its spec (read from the resource, which keeps it package-private) and a valid body. */
    record Feed(String resource, BatchSpec<?> spec, String valid) {
        @Override
        public String toString() {
            return resource.substring(resource.lastIndexOf('.') + 1);
        }
    }

    static final List<Feed> FEEDS = List.of(
            feed("io.streamgate.ingest.sensors.SensorReadingsResource",
                    "{\"readings\":[{\"machine_id\":\"press-7\",\"metric_name\":\"temperature\",\"value\":73.2,"
                            + "\"unit\":\"celsius\",\"timestamp\":\"2026-04-04T10:30:05Z\"}]}"),
            feed("io.streamgate.ingest.devices.DeviceLocationsResource",
                    "[{\"device_id\":\"truck-12\",\"lat\":47.37,\"lon\":8.54,\"timestamp\":1775298605,"
                            + "\"speed\":12.5,\"heading\":90,\"accuracy\":3,\"metadata\":{\"battery\":0.8}}]"),
            feed("io.streamgate.ingest.jobs.JobEventsResource",
                    "{\"events\":[{\"event\":\"failed\",\"job_id\":\"job-42\",\"queue\":\"emails\",\"status\":"
                            + "\"failed\",\"previous_status\":\"running\",\"attempt\":2,\"max_attempts\":3,"
                            + "\"priority\":5,\"worker_id\":\"w-1\",\"error\":\"SMTP timeout\",\"will_retry\":true,"
                            + "\"duration_ms\":120,\"result\":{\"ok\":false},\"timestamp\":\"2026-04-04T10:30:05Z\"}]}"),
            feed("io.streamgate.ingest.jobs.WorkerEventsResource",
                    "{\"events\":[{\"event\":\"heartbeat\",\"worker_id\":\"w-1\",\"queues\":[\"emails\"],"
                            + "\"active_jobs\":2,\"timestamp\":\"2026-04-04T10:30:05Z\"}]}"),
            feed("io.streamgate.ingest.acars.AcarsMessagesResource",
                    "{\"messages\":[{\"timestamp\":\"2024-01-15T10:31:00Z\",\"source\":\"ACARS\",\"channel\":3,"
                            + "\"frequency\":\"131.550\",\"icao_hex\":\"A1B2C3\",\"callsign\":\"UAL123\","
                            + "\"label\":\"SQ\",\"text\":\"REQUEST OCEANIC CLEARANCE\",\"signal_level\":-42.5}]}"),
            feed("io.streamgate.ingest.airspace.AdvisoriesResource",
                    "{\"advisories\":[{\"advisory_id\":\"SIGMET-N1\",\"advisory_type\":\"SIGMET\",\"hazard\":"
                            + "\"TURB\",\"valid_from\":\"2024-01-15T10:00:00Z\",\"valid_to\":"
                            + "\"2024-01-15T14:00:00Z\",\"boundary\":[[40,-100],[41,-100],[41,-99],[40,-100]]}]}"),
            feed("io.streamgate.ingest.notams.NotamsResource",
                    "{\"notams\":[{\"notam_id\":\"1/2346\",\"type\":\"TFR\",\"location\":\"KSFO\",\"latitude\":"
                            + "37.6213,\"longitude\":-122.379,\"radius_nm\":10,\"floor_ft\":0,\"ceiling_ft\":18000,"
                            + "\"reason\":\"Stadium Event\",\"effective_start\":\"2024-01-15T18:00:00Z\","
                            + "\"effective_end\":\"2024-01-15T23:00:00Z\"}]}"),
            feed("io.streamgate.ingest.audio.TranscriptionsResource",
                    "{\"transcriptions\":[{\"transmission_id\":\"tx-501\",\"transcript\":\"United four five six "
                            + "heavy, cleared for takeoff\",\"transcript_confidence\":0.95,\"identified_airframes\":"
                            + "[\"UAL456\"],\"transcription_completed_at\":\"2024-01-15T10:30:15Z\"}]}"));

    private final BatchIngest batch = new BatchIngest(null, null, null, () -> 100, null);

    @Property(seed = "2101")
    void everyBodyIsReadOrRefusedWithAProblem(@ForAll("bodies") Tuple2<Feed, byte[]> input) {
        Feed feed = input.get1();
        String outcome;
        try {
            for (Object item : batch.read(feed.spec(), input.get2())) {
                written(feed.spec(), item);
            }
            outcome = "accepted";
        } catch (InvalidRequestException refused) {
            assertFalse(refused.problems().isEmpty(), "a 422 names at least one bad field");
            outcome = "422";
        } catch (MalformedJsonException notJson) {
            outcome = "400";
        }
        Statistics.label("feed").collect(feed.toString());
        Statistics.label("outcome").collect(outcome);
    }

    /** The generators' starting points are valid: a refusal above is the input's doing, not the feed's. */
    @Property(seed = "2102")
    void theStartingBodiesAreValid(@ForAll("feeds") Feed feed) {
        assertFalse(batch.read(feed.spec(), feed.valid().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEmpty());
    }

    @Provide
    Arbitrary<Tuple2<Feed, byte[]>> bodies() {
        return Arbitraries.of(FEEDS).flatMap(feed -> FuzzedJson.around(feed.valid()).map(body -> Tuple.of(feed, body)));
    }

    @Provide
    Arbitrary<Feed> feeds() {
        return Arbitraries.of(FEEDS);
    }

    /** What {@link BatchIngest#ingest} does with an item before Kafka: must not throw for an accepted one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void written(BatchSpec spec, Object item) {
        EventEnvelope.of(spec.source(), (String) spec.type().apply(item), (java.time.Instant) spec.time().apply(item),
                (String) spec.key().apply(item), "acme");
        Json.encode(item);
    }

    private static Feed feed(String resource, String valid) {
        try {
            Field field = Class.forName(resource).getDeclaredField("SPEC");
            field.setAccessible(true);
            return new Feed(resource, (BatchSpec<?>) field.get(null), valid);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(resource + " has no SPEC", e);
        }
    }
}

package io.streamgate.e2e.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.streamgate.platform.json.Json;

/**
 * Replays an OpenSky state-vector recording through ingest's {@code POST /v1/aircraft}, as a receiver
 * would post its {@code aircraft.json}: one snapshot per second of recording, sped up. Each snapshot
 * says {@code now} = the wall clock at sending and {@code seen_pos: 0}, so a position's event time is
 * when it was sent, and a client on this machine can time the whole path from it.
 *
 * <p>Two liberties, both so that positions meet the gateway's tick at every phase, as positions from
 * independent receivers do. The recording samples every aircraft on the same 10 s grid, which would
 * make one burst every second of wall time; each aircraft's rows are therefore shifted by a fixed
 * offset within those 10 s (derived from its address, the same in every run). And each POST leaves
 * at a random moment within its slot: a fixed cadence locks onto the gateway's fixed-rate tick and
 * would report either the tick's best case or its worst, depending on the phase a run starts in.
 */
public final class SwissReplay implements AutoCloseable {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{6}");
    private static final long BUCKET_MILLIS = 1_000;
    /** The recording's sampling grid. */
    private static final long GRID_MILLIS = 10_000;

    record Row(String hex, String callsign, double lat, double lon, Double altitude, Double groundspeed,
            Double track, Double verticalRate) {
    }

    /** Posting figures since the replay was created. */
    public record Totals(long posts, long accepted, long failed, long positions) {

        Totals minus(Totals earlier) {
            return new Totals(posts - earlier.posts, accepted - earlier.accepted, failed - earlier.failed,
                    positions - earlier.positions);
        }
    }

    private final NavigableMap<Long, List<Row>> byTime;
    private final URI ingest;
    private final String token;
    private volatile double speed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder posts = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder positions = new LongAdder();
    /** Accepted positions whose event time falls in the measurement window. */
    private final LongAdder windowPositions = new LongAdder();
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MIN_VALUE;
    private final AtomicLong lastFailure = new AtomicLong();
    private volatile String lastFailureText = "";
    /** POST → 202, milliseconds: ingest's part of the latency (it answers after Kafka acknowledged). */
    private final Recorder postLatency = new Recorder(3);
    private ScheduledFuture<?> running;

    private SwissReplay(NavigableMap<Long, List<Row>> byTime, URI ingest, String token, double speed) {
        this.byTime = byTime;
        this.ingest = ingest;
        this.token = token;
        this.speed = speed;
    }

    /** Reads the recording (a gzipped JSON array of state vectors), skipping rows ingest would refuse. */
    public static SwissReplay load(Path recording, URI ingest, String token, double speed) {
        NavigableMap<Long, List<Row>> byTime = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(recording), 1 << 16));
                JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(recording + " is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    fields.put(name, value == JsonToken.VALUE_NULL ? null
                            : value.isNumeric() ? (Object) parser.getDoubleValue() : parser.getText());
                }
                Row row = row(fields);
                if (row != null) {
                    long time = ((Double) fields.get("timestamp")).longValue()
                            + Math.floorMod(row.hex().hashCode() * 0x9E3779B1, (int) GRID_MILLIS);
                    byTime.computeIfAbsent(time, t -> new ArrayList<>()).add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording, e);
        }
        return new SwissReplay(byTime, ingest, token, speed);
    }

    private static Row row(Map<String, Object> f) {
        if (!(f.get("timestamp") instanceof Double) || !(f.get("icao24") instanceof String hex)
                || !HEX.matcher(hex).matches() || !(f.get("latitude") instanceof Double lat)
                || !(f.get("longitude") instanceof Double lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return null;
        }
        Double track = (Double) f.get("track");
        Double speed = (Double) f.get("groundspeed");
        String callsign = f.get("callsign") instanceof String c && !c.isBlank() ? c.strip() : null;
        return new Row(hex, callsign, lat, lon, (Double) f.get("altitude"),
                speed != null && speed >= 0 ? speed : null, track != null && track >= 0 && track <= 360 ? track : null,
                (Double) f.get("vertical_rate"));
    }

    public int rows() {
        return byTime.values().stream().mapToInt(List::size).sum();
    }

    /** The recording's first and last second (epoch ms of the recording): a long run replays it again. */
    public long firstTime() {
        return byTime.firstKey();
    }

    public long lastTime() {
        return byTime.lastKey();
    }

    /** Where in the recording the busiest {@code length} of it starts (epoch ms of the recording). */
    long busiestStart(Duration length) {
        List<Long> times = new ArrayList<>(byTime.keySet());
        long best = times.get(0);
        int bestCount = -1;
        int count = 0;
        int tail = 0;
        for (int head = 0; head < times.size(); head++) {
            count += byTime.get(times.get(head)).size();
            while (times.get(head) - times.get(tail) >= length.toMillis()) {
                count -= byTime.get(times.get(tail)).size();
                tail++;
            }
            if (count > bestCount) {
                bestCount = count;
                best = times.get(tail);
            }
        }
        return best;
    }

    /** Rows the recording holds in {@code [from, from + length)}. */
    int rowsIn(long from, Duration length) {
        return byTime.subMap(from, true, from + length.toMillis(), false).values().stream().mapToInt(List::size)
                .sum();
    }

    /** The replay's speed from the next {@link #start} on (the saturation run raises it). */
    void speed(double speed) {
        this.speed = speed;
    }

    /** Starts posting from {@code recordingTime} on: one second of recording every {@code 1 s / speed}. */
    public synchronized void start(long recordingTime) {
        stop();
        AtomicLong bucket = new AtomicLong(recordingTime);
        long period = Math.round(BUCKET_MILLIS * 1_000 / speed);
        running = scheduler.scheduleAtFixedRate(() -> {
            long from = bucket.getAndAdd(BUCKET_MILLIS);
            scheduler.schedule(() -> postBucket(from), ThreadLocalRandom.current().nextLong(period),
                    TimeUnit.MICROSECONDS);
        }, 0, period, TimeUnit.MICROSECONDS);
    }

    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    private void postBucket(long from) {
        Collection<List<Row>> rows = byTime.subMap(from, true, from + BUCKET_MILLIS, false).values();
        if (rows.isEmpty()) {
            return;
        }
        // One entry per aircraft, the latest, as a receiver's aircraft.json has.
        Map<String, Row> latest = new LinkedHashMap<>();
        rows.forEach(list -> list.forEach(row -> latest.put(row.hex(), row)));
        long sentAt = System.currentTimeMillis();
        byte[] body = snapshot(sentAt, latest.values());
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/v1/aircraft"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        posts.increment();
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 202) {
                accepted.increment();
                positions.add(latest.size());
                if (sentAt >= windowFrom && sentAt < windowTo) {
                    windowPositions.add(latest.size());
                }
                postLatency.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } else {
                failed.increment();
                lastFailure.set(System.currentTimeMillis());
                lastFailureText = error != null ? error.toString() : response.statusCode() + " " + response.body();
            }
        });
    }

    static byte[] snapshot(long nowMillis, Collection<Row> aircraft) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + aircraft.size() * 200);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("now", BigDecimal.valueOf(nowMillis, 3));
            json.writeArrayFieldStart("aircraft");
            for (Row row : aircraft) {
                json.writeStartObject();
                json.writeStringField("hex", row.hex());
                if (row.callsign() != null) {
                    json.writeStringField("flight", row.callsign());
                }
                json.writeNumberField("lat", row.lat());
                json.writeNumberField("lon", row.lon());
                if (row.altitude() != null) {
                    json.writeNumberField("alt_baro", Math.round(row.altitude()));
                }
                if (row.groundspeed() != null) {
                    json.writeNumberField("gs", Math.round(row.groundspeed() * 10) / 10.0);
                }
                if (row.track() != null) {
                    json.writeNumberField("track", Math.round(row.track() * 10) / 10.0);
                }
                if (row.verticalRate() != null) {
                    json.writeNumberField("baro_rate", Math.round(row.verticalRate()));
                }
                json.writeNumberField("seen_pos", 0);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Counts accepted positions sent within {@code [from, to)} (epoch ms), from now on. */
    void window(long from, long to) {
        windowPositions.reset();
        windowFrom = from;
        windowTo = to;
    }

    /** Accepted positions sent within the window. */
    long windowPositions() {
        return windowPositions.sum();
    }

    public Totals totals() {
        return new Totals(posts.sum(), accepted.sum(), failed.sum(), positions.sum());
    }

    public String lastFailure() {
        return lastFailure.get() == 0 ? "" : lastFailureText;
    }

    Histogram takePostLatencies() {
        return postLatency.getIntervalHistogram();
    }

    @Override
    public void close() {
        stop();
        scheduler.shutdownNow();
    }
}

package io.streamgate.safety.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;

import io.streamgate.devstack.SharedData;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyConfigs;
import io.streamgate.safety.aviation.detect.SafetyEngine;

/**
 * Replays a recorded day of traffic (OpenSky state vectors, by default {@code data/adsb/switzerland.json.gz})
 * through the detectors in process, in event time: the engine's clock is the recording's, sweeps run
 * every {@code sweep-interval} of recorded time. Prints every episode it found with the thresholds used,
 * and, for context, the closest co-level approaches in the recording.
 *
 * <pre>
 * ./mvnw -B -q -pl safety-service -am verify -DskipTests -Psafety-replay \
 *     [-Dreplay.args="proximity.vertical-margin=0 file=…"]
 * </pre>
 *
 * Arguments are {@code key=value}: {@code file=<path>} picks another recording; any other key is a
 * property below {@code streamgate.safety.aviation.} (e.g. {@code proximity.look-ahead=180s}).
 */
public final class ConflictReplay {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One OpenSky state vector as the {@code traffic} library stores it. */
    record Row(@JsonProperty("timestamp") long timestamp, @JsonProperty("icao24") String icao24,
            @JsonProperty("callsign") String callsign, @JsonProperty("latitude") Double latitude,
            @JsonProperty("longitude") Double longitude, @JsonProperty("altitude") Double altitude,
            @JsonProperty("groundspeed") Double groundspeed, @JsonProperty("track") Double track,
            @JsonProperty("vertical_rate") Double verticalRate, @JsonProperty("onground") Boolean onGround) {
    }

    private ConflictReplay() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        Path file = null;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            if (arg.startsWith("file=")) {
                file = Path.of(arg.substring(5));
            } else {
                overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        if (file == null) {
            file = SharedData.file("adsb/switzerland.json.gz");
        }
        AviationSafetyConfig config = SafetyConfigs.with(overrides);
        List<AircraftPosition> positions = load(file);
        SafetyEngine engine = new SafetyEngine(config);

        long started = System.nanoTime();
        List<Emission> emissions = new ArrayList<>();
        long sweepEvery = config.sweepInterval().toMillis();
        long nextSweep = positions.get(0).timestamp().toEpochMilli() + sweepEvery;
        for (AircraftPosition position : positions) {
            long now = position.timestamp().toEpochMilli();
            for (; nextSweep <= now; nextSweep += sweepEvery) {
                emissions.addAll(engine.sweep(Instant.ofEpochMilli(nextSweep)));
            }
            emissions.addAll(engine.onPosition("replay", position, 0, position.timestamp()));
        }
        Instant last = positions.get(positions.size() - 1).timestamp();
        emissions.addAll(engine.sweep(last.plus(config.aircraftTimeout()).plusSeconds(1)));
        double seconds = (System.nanoTime() - started) / 1e9;

        Set<String> aircraft = new HashSet<>();
        positions.forEach(p -> aircraft.add(p.hex()));
        System.out.printf(Locale.ROOT, "Replay of %s%n", file.getFileName());
        System.out.printf(Locale.ROOT, "  %,d positions of %,d aircraft, %s to %s UTC (%.1f h), replayed in %.2f s "
                + "(%,.0f positions/s)%n", positions.size(), aircraft.size(), positions.get(0).timestamp(), last,
                Duration.between(positions.get(0).timestamp(), last).toMinutes() / 60.0, seconds,
                positions.size() / seconds);
        printThresholds(config, engine, overrides);
        printEpisodes(emissions);
        printClosestApproaches(positions, config);
    }

    private static List<AircraftPosition> load(Path file) throws IOException {
        List<AircraftPosition> positions = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                MappingIterator<Row> rows = Json.mapper().readerFor(Row.class).readValues(in)) {
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.latitude() == null || r.longitude() == null) {
                    continue;
                }
                boolean onGround = Boolean.TRUE.equals(r.onGround());
                Integer altitude = onGround || r.altitude() == null ? null : (int) Math.round(r.altitude());
                Integer rate = r.verticalRate() == null ? null : (int) Math.round(r.verticalRate());
                String flight = r.callsign() == null ? null : r.callsign().trim();
                positions.add(new AircraftPosition(r.icao24(), flight, r.latitude(), r.longitude(), altitude,
                        onGround, null, r.groundspeed(), r.track(), rate, null, null, null, null, false, null, null,
                        null, 0.0, false, Instant.ofEpochMilli(r.timestamp())));
            }
        }
        positions.sort(Comparator.comparing(AircraftPosition::timestamp));
        return positions;
    }

    private static void printThresholds(AviationSafetyConfig config, SafetyEngine engine,
            Map<String, String> overrides) {
        AviationSafetyConfig.Proximity p = config.proximity();
        System.out.println("Thresholds" + (overrides.isEmpty() ? " (defaults)" : " (defaults, overridden: "
                + overrides + ")"));
        System.out.printf(Locale.ROOT, "  TCAS II table (DAIDALUS) %s, miss-distance filter %s; STCA %s: %.1f nm / "
                + "%.0f ft zone (conflict below %.0f ft), look-ahead %d s%n", on(p.tcasEnabled()),
                on(p.tcasMissDistanceFilter()), on(p.stcaEnabled()), p.lateralMinimum(), p.verticalMinimum(),
                p.verticalMinimum() - p.verticalMargin(), p.lookAhead().toSeconds());
        System.out.printf(Locale.ROOT, "  confirmation %d of %d, release after %d clear, pair cooldown %d s; stale "
                + "after %d s, slow below %.0f kt, formation below %.0f kt, ghost %.2f nm / %.0f ft%n",
                config.confirmation().hits(), config.confirmation().window(), config.confirmation().clearCount(),
                p.cooldown().toSeconds(), config.staleAfter().toSeconds(), config.minGroundSpeed(),
                p.formationRelativeSpeed(), config.ghost().radius(), config.ghost().altitude());
        System.out.printf(Locale.ROOT, "  low altitude below %.0f ft, vertical rate above %.0f ft/min; grid cells "
                + "%.1f nm, altitude bands %.0f ft%n", config.lowAltitude().threshold(),
                config.verticalRate().threshold(), engine.searchRadius(), engine.bandHeight());
    }

    private static String on(boolean enabled) {
        return enabled ? "on" : "off";
    }

    private static void printEpisodes(List<Emission> emissions) {
        Map<Long, List<SafetyEvent>> byId = new LinkedHashMap<>();
        for (Emission e : emissions) {
            byId.computeIfAbsent(e.event().id(), id -> new ArrayList<>()).add(e.event());
        }
        Map<String, Integer> counts = new TreeMap<>();
        byId.values().forEach(records -> counts.merge(records.get(0).eventType() + "/"
                + records.get(records.size() - 1).severity(), 1, Integer::sum));
        System.out.println("Episodes: " + (counts.isEmpty() ? "none" : counts));
        List<List<SafetyEvent>> pairs = byId.values().stream().filter(r -> r.get(0).isPair()).toList();
        if (pairs.isEmpty()) {
            System.out.println("Conflicts: none");
        } else {
            System.out.println("Conflicts:");
            System.out.printf("  %-18s %-8s %-17s %-17s %-9s %-9s %-8s %-10s %s%n", "type", "severity",
                    "aircraft 1", "aircraft 2", "raised", "ended", "lasted", "end", "at raise");
            for (List<SafetyEvent> records : pairs) {
                SafetyEvent first = records.get(0);
                SafetyEvent end = records.get(records.size() - 1);
                Map<String, Object> d = first.details();
                Object cpa = d.get("cpa");
                System.out.printf(Locale.ROOT, "  %-18s %-8s %-17s %-17s %-9s %-9s %-8s %-10s %s nm, %s ft apart, "
                        + "closing %s kt, cpa %s%s%n", first.eventType(), end.severity(),
                        first.icaoHex() + " " + nullToDash(first.callsign()),
                        first.icaoHex2() + " " + nullToDash(first.callsign2()), CLOCK.format(first.timestamp()),
                        end.active() ? "-" : CLOCK.format(end.timestamp()),
                        end.active() ? "-" : Duration.between(first.firstSeen(), end.timestamp()).toSeconds() + " s",
                        end.active() ? "open" : String.valueOf(end.details().get("end_reason")),
                        d.get("distance_nm"), d.get("altitude_diff_ft"), d.get("closure_rate_kt"), cpa,
                        d.containsKey("tau_s") ? ", tau " + d.get("tau_s") + " s" : "");
            }
        }
        byId.values().stream().filter(r -> !r.get(0).isPair()).forEach(records -> {
            SafetyEvent first = records.get(0);
            SafetyEvent end = records.get(records.size() - 1);
            System.out.printf(Locale.ROOT, "  %-22s %-8s %s %-8s %s-%s %s%n", first.eventType(), end.severity(),
                    first.icaoHex(), nullToDash(first.callsign()), CLOCK.format(first.timestamp()),
                    end.active() ? "open" : CLOCK.format(end.timestamp()), first.message());
        });
    }

    /**
     * Not the detector: the raw recording's closest approaches of aircraft reported in the same second
     * and less than the vertical minimum apart, to show how near the traffic came.
     */
    private static void printClosestApproaches(List<AircraftPosition> positions, AviationSafetyConfig config) {
        Map<Instant, List<AircraftPosition>> byTime = new LinkedHashMap<>();
        positions.forEach(p -> byTime.computeIfAbsent(p.timestamp(), t -> new ArrayList<>()).add(p));
        Map<String, double[]> closest = new HashMap<>();
        double vertical = config.proximity().verticalMinimum();
        for (Map.Entry<Instant, List<AircraftPosition>> snapshot : byTime.entrySet()) {
            List<AircraftPosition> all = snapshot.getValue();
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    AircraftPosition a = all.get(i);
                    AircraftPosition b = all.get(j);
                    if (a.altBaro() == null || b.altBaro() == null || Math.abs(a.altBaro() - b.altBaro()) >= vertical) {
                        continue;
                    }
                    double distance = GeoMath.distanceNm(a.lat(), a.lon(), b.lat(), b.lon());
                    String key = a.hex().compareTo(b.hex()) < 0 ? a.hex() + " " + b.hex() : b.hex() + " " + a.hex();
                    double[] best = closest.get(key);
                    if (best == null || distance < best[0]) {
                        closest.put(key, new double[] {distance, Math.abs(a.altBaro() - b.altBaro()),
                                snapshot.getKey().toEpochMilli()});
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Closest approaches under %.0f ft in the recording (same-second reports):%n",
                vertical);
        closest.entrySet().stream().sorted(Comparator.comparingDouble(e -> e.getValue()[0])).limit(5)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %s  %.2f nm, %.0f ft apart at %s%n", e.getKey(),
                        e.getValue()[0], e.getValue()[1], CLOCK.format(Instant.ofEpochMilli((long) e.getValue()[2]))));
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}

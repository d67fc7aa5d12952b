package io.streamgate.safety.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.geo.LatLon;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyConfigs;
import io.streamgate.safety.aviation.detect.SafetyEngine;

/**
 * Throughput and per-position latency of the detectors at 1k, 5k and 20k simulated aircraft, each
 * reporting once a second (spread evenly over the second), on one thread, in event time. The traffic
 * fills a fixed box over Europe (35–60°N, 10°W–30°E): 20k aircraft there are about five times Europe's
 * real peak, so the pair stage sees more neighbours per aircraft than any real feed would give it. 70 %
 * cruise at flight levels FL280–FL410, the rest climb or descend between 2,000 and 28,000 ft; tracks
 * and speeds are random, so pairs do converge and events are raised.
 *
 * <pre>
 * ./mvnw -B -q -pl safety-service -am verify -DskipTests -Psafety-bench \
 *     [-Dbench.args="1000 5000 20000 seconds=60 warmup=20"]
 * </pre>
 *
 * A position's latency is the time {@link SafetyEngine#onPosition} takes, from the call to the returned
 * events: what a position adds to the detection delay on top of Kafka. Building the position objects is
 * outside the timing.
 */
public final class DetectorBenchmark {

    private static final double SOUTH = 35;
    private static final double NORTH = 60;
    private static final double WEST = -10;
    private static final double EAST = 30;

    private DetectorBenchmark() {
    }

    public static void main(String[] args) {
        List<Integer> counts = new ArrayList<>();
        int seconds = 60;
        int warmup = 20;
        for (String arg : args) {
            if (arg.startsWith("seconds=")) {
                seconds = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("warmup=")) {
                warmup = Integer.parseInt(arg.substring(7));
            } else {
                counts.add(Integer.parseInt(arg));
            }
        }
        if (counts.isEmpty()) {
            counts = List.of(1_000, 5_000, 20_000);
        }
        AviationSafetyConfig config = SafetyConfigs.defaults();
        System.out.printf(Locale.ROOT, "Detector benchmark: %d s measured after %d s warm-up, 1 report/s per "
                + "aircraft, one thread, JDK %s, %d CPUs%n", seconds, warmup, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%8s %12s %9s %14s %14s %9s %9s %9s %9s %11s %12s%n", "aircraft", "positions", "wall s",
                "positions/s", "s per sim s", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "sweep ms", "events");
        for (int count : counts) {
            run(config, count, seconds, warmup);
        }
    }

    private static void run(AviationSafetyConfig config, int count, int seconds, int warmup) {
        Traffic traffic = new Traffic(count, new Random(count));
        SafetyEngine engine = new SafetyEngine(config);
        long[] latencies = new long[count * seconds];
        int measured = 0;
        long wall = 0;
        long sweepNanos = 0;
        Map<String, Integer> raised = new TreeMap<>();
        Instant start = Instant.parse("2026-11-23T12:00:00Z");
        AircraftPosition[] second = new AircraftPosition[count];
        for (int s = 0; s < warmup + seconds; s++) {
            boolean measuring = s >= warmup;
            long offsetNanos = 1_000_000_000L / count;
            for (int i = 0; i < count; i++) {
                second[i] = traffic.position(i, start.plusSeconds(s).plusNanos(offsetNanos * i));
            }
            long secondStarted = System.nanoTime();
            for (int i = 0; i < count; i++) {
                AircraftPosition p = second[i];
                long t0 = System.nanoTime();
                List<Emission> out = engine.onPosition("bench", p, 0, p.timestamp());
                long took = System.nanoTime() - t0;
                if (measuring) {
                    latencies[measured++] = took;
                    for (Emission e : out) {
                        if (e.revision() == 0) {
                            raised.merge(e.event().eventType(), 1, Integer::sum);
                        }
                    }
                }
            }
            long t0 = System.nanoTime();
            engine.sweep(start.plusSeconds(s + 1));
            long sweep = System.nanoTime() - t0;
            if (measuring) {
                wall += System.nanoTime() - secondStarted;
                sweepNanos += sweep;
            }
            traffic.advance(1);
        }
        Arrays.sort(latencies, 0, measured);
        double wallSeconds = wall / 1e9;
        System.out.printf(Locale.ROOT, "%8d %12d %9.2f %14.0f %14.3f %9.1f %9.1f %9.1f %9.1f %11.2f   %s%n", count,
                measured, wallSeconds, measured / wallSeconds, wallSeconds / seconds,
                micros(latencies, measured, 0.50), micros(latencies, measured, 0.99),
                micros(latencies, measured, 0.999), latencies[measured - 1] / 1e3, sweepNanos / 1e6 / seconds,
                raised);
    }

    private static double micros(long[] sorted, int n, double quantile) {
        return sorted[Math.min(n - 1, (int) Math.floor(quantile * n))] / 1e3;
    }

    /** Straight-line traffic in the box; an aircraft that leaves it comes back in on the other side. */
    private static final class Traffic {

        private final String[] hex;
        private final double[] lat;
        private final double[] lon;
        private final double[] altitude;
        private final double[] speed;
        private final double[] track;
        private final double[] rate;

        Traffic(int count, Random random) {
            hex = new String[count];
            lat = new double[count];
            lon = new double[count];
            altitude = new double[count];
            speed = new double[count];
            track = new double[count];
            rate = new double[count];
            for (int i = 0; i < count; i++) {
                hex[i] = String.format("%06x", 0x400000 + i);
                lat[i] = SOUTH + random.nextDouble() * (NORTH - SOUTH);
                lon[i] = WEST + random.nextDouble() * (EAST - WEST);
                speed[i] = 250 + random.nextDouble() * 230;
                track[i] = random.nextDouble() * 360;
                if (random.nextDouble() < 0.7) {
                    altitude[i] = (28 + random.nextInt(14)) * 1000;
                    rate[i] = 0;
                } else {
                    altitude[i] = 2000 + random.nextDouble() * 26000;
                    rate[i] = (random.nextBoolean() ? 1 : -1) * (500 + random.nextDouble() * 2000);
                }
            }
        }

        AircraftPosition position(int i, Instant at) {
            return new AircraftPosition(hex[i], "SIM" + i, lat[i], lon[i], (int) Math.round(altitude[i]), false, null,
                    speed[i], track[i], (int) Math.round(rate[i]), null, "2000", null, "A3", false, null, null, null,
                    0.2, false, at);
        }

        void advance(double seconds) {
            for (int i = 0; i < hex.length; i++) {
                LatLon next = GeoMath.destinationNm(lat[i], lon[i], track[i], speed[i] * seconds / 3600);
                lat[i] = next.lat();
                lon[i] = next.lon();
                if (lat[i] > NORTH) {
                    lat[i] -= NORTH - SOUTH;
                } else if (lat[i] < SOUTH) {
                    lat[i] += NORTH - SOUTH;
                }
                if (lon[i] > EAST) {
                    lon[i] -= EAST - WEST;
                } else if (lon[i] < WEST) {
                    lon[i] += EAST - WEST;
                }
                altitude[i] += rate[i] * seconds / 60;
                if (altitude[i] < 2000 && rate[i] < 0 || altitude[i] > 28000 && rate[i] > 0) {
                    rate[i] = -rate[i];
                }
            }
        }
    }
}

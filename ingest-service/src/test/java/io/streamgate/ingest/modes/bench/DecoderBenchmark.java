package io.streamgate.ingest.modes.bench;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.streamgate.ingest.modes.AircraftTracker;
import io.streamgate.ingest.modes.DecodeResult;
import io.streamgate.ingest.modes.IcaoFilter;
import io.streamgate.ingest.modes.ModeSDecoder;
import io.streamgate.ingest.modes.ModeSFrame;
import io.streamgate.ingest.modes.Recordings;
import io.streamgate.ingest.modes.TrackerSettings;
import io.streamgate.ingest.modes.framing.BeastFramer;

/**
 * Single-thread decode throughput over a long replay of the recorded frames of {@code data/adsb} (the 239
 * Beast frames of the Toulouse sample and the 486 DF17 of the short flights, 725 frames with every DF the
 * decoder reads, replayed back to back). Three stages, each timed on its own:
 * <ol>
 * <li>decode: {@link ModeSDecoder#decode} alone (CRC, address recovery, every field);</li>
 * <li>frame + decode: the Beast byte stream through {@link BeastFramer} into the decoder;</li>
 * <li>decode + track: decoding and {@link AircraftTracker#update} (CPR, plausibility, per-aircraft state).</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -B -q -pl ingest-service -am verify -DskipTests -Pmodes-bench [-Dbench.args="seconds=10 rounds=5"]
 * </pre>
 */
public final class DecoderBenchmark {

    private static volatile long sink;

    public static void main(String[] args) {
        int seconds = 5;
        int rounds = 5;
        for (String arg : args) {
            if (arg.startsWith("seconds=")) {
                seconds = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("rounds=")) {
                rounds = Integer.parseInt(arg.substring(7));
            }
        }
        byte[][] frames = frames();
        byte[] beast = Recordings.beastSample();
        System.out.printf(Locale.ROOT, "%d recorded frames, %d-byte Beast stream; %d rounds of %d s per stage%n",
                frames.length, beast.length, rounds, seconds);
        System.out.printf(Locale.ROOT, "JVM %s, %d processors%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            double decode = decode(frames, seconds);
            double framed = frameAndDecode(beast, seconds);
            double tracked = decodeAndTrack(frames, seconds);
            System.out.printf(Locale.ROOT,
                    "round %d: decode %.2f M frames/s | Beast frame+decode %.2f M frames/s | decode+track %.2f M frames/s%n",
                    round, decode / 1e6, framed / 1e6, tracked / 1e6);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static byte[][] frames() {
        List<byte[]> frames = new ArrayList<>();
        byte[] beast = Recordings.beastSample();
        new BeastFramer((payload, offset, length, ts, signal) -> {
            if (length > 2) {
                byte[] copy = new byte[length];
                System.arraycopy(payload, offset, copy, 0, length);
                frames.add(copy);
            }
        }).feed(beast, 0, beast.length);
        for (Recordings.TimedFrame frame : Recordings.shortFlights()) {
            frames.add(HexFormat.of().parseHex(frame.hex()));
        }
        return frames.toArray(byte[][]::new);
    }

    private static double decode(byte[][] frames, int seconds) {
        ModeSDecoder decoder = new ModeSDecoder(new IcaoFilter(60_000), true);
        ModeSFrame frame = new ModeSFrame();
        long count = 0;
        long accepted = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now;
        do {
            for (byte[] f : frames) {
                // a clock of 1 ms per 100 frames: the filter's expiry and rotation run as they would live
                if (decoder.decode(f, 0, f.length, count / 100, frame).decoded()) {
                    accepted++;
                }
                count++;
            }
        } while ((now = System.nanoTime()) < end);
        sink += accepted;
        return count / ((now - start) / 1e9);
    }

    private static double frameAndDecode(byte[] beast, int seconds) {
        ModeSDecoder decoder = new ModeSDecoder(new IcaoFilter(60_000), true);
        ModeSFrame frame = new ModeSFrame();
        long[] accepted = new long[1];
        BeastFramer framer = new BeastFramer((payload, offset, length, ts, signal) -> {
            if (decoder.decode(payload, offset, length, ts / 12_000, frame) == DecodeResult.ACCEPTED) {
                accepted[0]++;
            }
        });
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now;
        do {
            framer.feed(beast, 0, beast.length);
        } while ((now = System.nanoTime()) < end);
        sink += accepted[0];
        return framer.frames() / ((now - start) / 1e9);
    }

    private static double decodeAndTrack(byte[][] frames, int seconds) {
        ModeSDecoder decoder = new ModeSDecoder(new IcaoFilter(60_000), true);
        ModeSFrame frame = new ModeSFrame();
        AircraftTracker tracker = new AircraftTracker(TrackerSettings.defaults());
        long count = 0;
        long fixes = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now;
        do {
            for (byte[] f : frames) {
                long clock = count / 100;
                if (decoder.decode(f, 0, f.length, clock, frame).decoded()
                        && tracker.update(frame, clock, 43.629, 1.364).fixed()) {
                    fixes++;
                }
                count++;
            }
        } while ((now = System.nanoTime()) < end);
        sink += fixes;
        return count / ((now - start) / 1e9);
    }
}

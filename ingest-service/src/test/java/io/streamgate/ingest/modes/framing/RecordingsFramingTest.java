package io.streamgate.ingest.modes.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.streamgate.ingest.modes.AircraftTracker;
import io.streamgate.ingest.modes.AircraftTracker.Fix;
import io.streamgate.ingest.modes.DecodeResult;
import io.streamgate.ingest.modes.IcaoFilter;
import io.streamgate.ingest.modes.ModeSDecoder;
import io.streamgate.ingest.modes.ModeSFrame;
import io.streamgate.ingest.modes.Recordings;
import io.streamgate.ingest.modes.TrackedAircraft;
import io.streamgate.ingest.modes.TrackerSettings;

/** The recordings of {@code data/adsb} framed, decoded and tracked end to end, as ingest does. */
class RecordingsFramingTest {

    private static final double TOULOUSE_LAT = 43.629;
    private static final double TOULOUSE_LON = 1.364;

    /** Frame → decoder → tracker, recording every fix per aircraft. */
    private static final class Pipeline implements FrameSink {
        final ModeSDecoder decoder = new ModeSDecoder(new IcaoFilter(60_000), true);
        final ModeSFrame frame = new ModeSFrame();
        final AircraftTracker tracker = new AircraftTracker(TrackerSettings.defaults());
        final Map<String, Integer> results = new TreeMap<>();
        final Map<Integer, List<double[]>> fixes = new HashMap<>();
        final List<String> framesSeen = new ArrayList<>();
        final double rxLat;
        final double rxLon;

        Pipeline(double rxLat, double rxLon) {
            this.rxLat = rxLat;
            this.rxLon = rxLon;
        }

        @Override
        public void frame(byte[] payload, int offset, int length, long timestamp12MHz, int signal) {
            framesSeen.add(HexFormat.of().formatHex(payload, offset, offset + length));
            if (length == 2) {
                results.merge("mode-ac", 1, Integer::sum);
                return;
            }
            long now = timestamp12MHz / 12_000;
            DecodeResult result = decoder.decode(payload, offset, length, now, frame);
            results.merge("DF" + frame.df + " " + result, 1, Integer::sum);
            if (!result.decoded()) {
                return;
            }
            Fix fix = tracker.update(frame, now, rxLat, rxLon);
            if (fix.fixed()) {
                TrackedAircraft a = tracker.last();
                fixes.computeIfAbsent(a.address, k -> new ArrayList<>()).add(new double[] {a.lat, a.lon, now});
            }
        }

        int count(String key) {
            return results.getOrDefault(key, 0);
        }
    }

    @Test
    void theToulouseBeastSampleDecodesEndToEnd() {
        Pipeline pipeline = new Pipeline(TOULOUSE_LAT, TOULOUSE_LON);
        BeastFramer framer = new BeastFramer(pipeline);
        byte[] sample = Recordings.beastSample();
        framer.feed(sample, 0, sample.length);

        assertEquals(239, framer.frames(), "every frame of the recording");
        assertEquals(0, framer.malformed());
        assertEquals(0, framer.skippedBytes());
        for (int df : new int[] {0, 4, 5, 11, 16, 17, 20, 21}) {
            assertTrue(pipeline.count("DF" + df + " ACCEPTED") > 0, "DF" + df + " decoded: " + pipeline.results);
        }
        assertEquals(Set.of(), Set.copyOf(pipeline.results.keySet().stream()
                .filter(k -> k.contains("BAD_") || k.contains("UNSUPPORTED")).toList()),
                "off-air frames from a clean recording all check: " + pipeline.results);
        // Replies to interrogations name their aircraft only in the parity: until it is heard in clear
        // they are refused, and only then.
        int refused = pipeline.count("DF0 UNKNOWN_ADDRESS") + pipeline.count("DF4 UNKNOWN_ADDRESS")
                + pipeline.count("DF5 UNKNOWN_ADDRESS");
        assertTrue(refused > 0 && refused < 10, "a few replies arrive before their aircraft's squitter");
        assertTrue(pipeline.count("DF11 ACCEPTED") >= 90);

        assertTrue(!pipeline.fixes.isEmpty(), "positions");
        for (List<double[]> track : pipeline.fixes.values()) {
            for (double[] fix : track) {
                double nm = distanceNm(TOULOUSE_LAT, TOULOUSE_LON, fix[0], fix[1]);
                assertTrue(nm < 30, "near Toulouse: " + fix[0] + "," + fix[1]);
            }
        }
        TrackedAircraft a = pipeline.tracker.get(0x48520a, false);
        assertTrue(a.positionAt > 0, "48520a has a position");
        assertTrue(a.altitudeBaroAt > 0 && a.altitudeBaro > 0, "and a barometric altitude");
    }

    @Test
    void framingDoesNotDependOnHowTheStreamIsChunked() {
        byte[] sample = Recordings.beastSample();
        Pipeline whole = new Pipeline(TOULOUSE_LAT, TOULOUSE_LON);
        new BeastFramer(whole).feed(sample, 0, sample.length);
        Pipeline bytewise = new Pipeline(TOULOUSE_LAT, TOULOUSE_LON);
        BeastFramer framer = new BeastFramer(bytewise);
        for (int i = 0; i < sample.length; i++) {
            framer.feed(sample, i, 1);
        }
        assertEquals(whole.framesSeen, bytewise.framesSeen);
    }

    @Test
    void theShortFlightsAsAnAvrStreamGiveNineAircraftWithoutTeleports() {
        Pipeline pipeline = new Pipeline(Double.NaN, Double.NaN);
        AvrFramer framer = new AvrFramer(pipeline);
        byte[] avr = Recordings.shortFlightsAsAvr();
        // in uneven chunks, as a socket delivers it
        for (int offset = 0, size = 1; offset < avr.length; offset += size, size = size % 97 + 13) {
            framer.feed(avr, offset, Math.min(size, avr.length - offset));
        }
        assertEquals(486, framer.frames());
        assertEquals(0, framer.malformed());
        assertEquals(486, pipeline.count("DF17 ACCEPTED") + pipeline.count("DF17 CORRECTED"));
        assertEquals(9, pipeline.tracker.size(), "nine aircraft");
        assertEquals(0, pipeline.tracker.rejectedSpeed(), "no implausible move among real positions");
        // a2a7c4 sent only operational status, a426e0 one surface message (and no receiver position is set)
        assertEquals(7, pipeline.fixes.size(), "every aircraft with an even and an odd position is positioned");
        assertTrue(pipeline.tracker.get(0xa2a7c4, false).positionAt == 0);
        assertTrue(pipeline.fixes.values().stream().mapToInt(List::size).sum() > 150, "a fix from most positions");
        for (Map.Entry<Integer, List<double[]>> track : pipeline.fixes.entrySet()) {
            List<double[]> fixes = track.getValue();
            for (int i = 1; i < fixes.size(); i++) {
                double[] a = fixes.get(i - 1);
                double[] b = fixes.get(i);
                double hours = Math.max(b[2] - a[2], 500) / 3_600_000.0;
                double knots = distanceNm(a[0], a[1], b[0], b[1]) / hours;
                assertTrue(knots < 700, String.format("%06x moves at %.0f kt between fixes %d and %d",
                        track.getKey(), knots, i - 1, i));
            }
        }
    }

    private static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 3440.065 * Math.asin(Math.sqrt(h));
    }
}

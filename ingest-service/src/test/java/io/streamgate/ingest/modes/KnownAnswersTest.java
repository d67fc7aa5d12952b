package io.streamgate.ingest.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.streamgate.devstack.SharedData;

/**
 * Every vector of {@code data/adsb/decoder_known_answers.json} (values from pyModeS, readsb and traffic),
 * one dynamic test each. A section of the file without a check here fails the run, so a vector added to
 * the file cannot go untested.
 */
class KnownAnswersTest {

    private static final double DEG = 0.001;
    private static final long NOW = 1_000_000;

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(
                SharedData.file("adsb/decoder_known_answers.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = root.fields(); sections.hasNext();) {
            Map.Entry<String, JsonNode> section = sections.next();
            String name = section.getKey();
            JsonNode value = section.getValue();
            switch (name) {
                case "_about" -> {
                }
                case "identification" -> each(tests, name, value, KnownAnswersTest::identification);
                case "airborne_altitude_bds05" -> each(tests, name, value, KnownAnswersTest::airborneAltitude);
                case "cpr_airborne" -> cprAirborne(tests, value);
                case "cpr_airborne_readsb_raw" -> readsbAirborne(tests, value);
                case "cpr_surface" -> cprSurface(tests, value);
                case "surface_groundspeed_bds06" -> each(tests, name, value, KnownAnswersTest::surfaceSpeed);
                case "velocity_bds09" -> each(tests, name, value, KnownAnswersTest::velocity);
                case "aircraft_status_bds61" -> each(tests, name, value, KnownAnswersTest::aircraftStatus);
                case "target_state_bds62" -> each(tests, name, value, KnownAnswersTest::targetState);
                case "surveillance_df4_df5" -> each(tests, name, value, KnownAnswersTest::surveillance);
                case "crc_valid_phantom_example" -> tests.add(DynamicTest.dynamicTest(name, () -> phantom(value)));
                default -> tests.add(DynamicTest.dynamicTest(name, () -> fail("no check for section " + name)));
            }
        }
        return tests.stream();
    }

    interface VectorCheck {
        void check(JsonNode vector) throws Exception;
    }

    private static void each(List<DynamicTest> tests, String section, JsonNode vectors, VectorCheck check) {
        int i = 0;
        for (JsonNode vector : vectors) {
            if (!vector.has("msg")) {
                assertTrue(vector.has("_note"), section + "[" + i + "] is neither a vector nor a note");
                i++;
                continue;
            }
            tests.add(DynamicTest.dynamicTest(section + "[" + i++ + "] " + vector.get("msg").asText(),
                    () -> check.check(vector)));
        }
    }

    private static void add(List<DynamicTest> tests, String name, Executable check) {
        tests.add(DynamicTest.dynamicTest(name, check));
    }

    // ---- helpers

    private static ModeSFrame decoded(String hex) {
        return decoded(hex, new IcaoFilter(60_000));
    }

    private static ModeSFrame decoded(String hex, IcaoFilter filter) {
        ModeSFrame frame = new ModeSFrame();
        byte[] bytes = Hex.bytes(hex);
        DecodeResult result = new ModeSDecoder(filter, false).decode(bytes, 0, bytes.length, NOW, frame);
        assertEquals(DecodeResult.ACCEPTED, result, hex);
        return frame;
    }

    private static void assertPosition(double lat, double lon, double[] actual, double tolerance, String what) {
        assertEquals(lat, actual[0], tolerance, what + " latitude");
        assertEquals(lon, actual[1], tolerance, what + " longitude");
    }

    private static void assertPosition(JsonNode expected, double[] actual, double tolerance, String what) {
        assertPosition(expected.get(0).asDouble(), expected.get(1).asDouble(), actual, tolerance, what);
    }

    // ---- sections

    private static void identification(JsonNode v) {
        ModeSFrame f = decoded(v.get("msg").asText());
        assertEquals(v.get("df").asInt(), f.df);
        assertEquals(v.get("icao").asText().toLowerCase(), f.hex());
        assertEquals(v.get("typecode").asInt(), f.typeCode);
        assertEquals(v.get("callsign").asText(), f.callsignText());
        assertEquals(v.get("category").asInt(), f.category);
    }

    private static void airborneAltitude(JsonNode v) {
        ModeSFrame f = decoded(v.get("msg").asText());
        assertTrue(f.altitudeValid);
        assertFalse(f.altitudeGnss);
        assertEquals(v.get("altitude_ft").asInt(), f.altitudeFt);
        if (v.has("cpr_format")) {
            assertEquals(v.get("cpr_format").asInt() == 1, f.cprOdd);
        }
    }

    private static void cprAirborne(List<DynamicTest> tests, JsonNode section) {
        int i = 0;
        for (JsonNode v : section.get("local_with_reference")) {
            add(tests, "cpr_airborne.local_with_reference[" + i++ + "]", () -> {
                ModeSFrame f = decoded(v.get("msg").asText());
                double[] out = new double[2];
                assertTrue(Cpr.local(f.cprLat, f.cprLon, f.cprOdd, false, v.get("ref").get(0).asDouble(),
                        v.get("ref").get(1).asDouble(), out));
                assertPosition(v.get("lat").asDouble(), v.get("lon").asDouble(), out, DEG, "local");
            });
        }
        ModeSFrame even = decoded(section.get("even_msg").asText());
        ModeSFrame odd = decoded(section.get("odd_msg").asText());
        i = 0;
        for (JsonNode v : section.get("global_pair")) {
            add(tests, "cpr_airborne.global_pair[" + i++ + "]", () -> {
                assertFalse(even.cprOdd);
                assertTrue(odd.cprOdd);
                double[] out = new double[2];
                boolean oddNewer = v.path("odd_is_newer").asBoolean(false);
                assertTrue(Cpr.globalAirborne(even.cprLat, even.cprLon, odd.cprLat, odd.cprLon, oddNewer, out));
                assertPosition(v.get("lat").asDouble(), v.get("lon").asDouble(), out, DEG, "global");
            });
        }
        i = 0;
        for (JsonNode v : section.get("must_reject")) {
            add(tests, "cpr_airborne.must_reject[" + i++ + "] " + v.get("reason").asText(), () -> {
                double[] out = new double[2];
                List<Boolean> orders = v.has("odd_is_newer") ? List.of(v.get("odd_is_newer").asBoolean())
                        : List.of(true, false);
                for (boolean oddNewer : orders) {
                    assertFalse(Cpr.globalAirborne(v.get("cpr_lat_even").asInt(), v.get("cpr_lon_even").asInt(),
                            v.get("cpr_lat_odd").asInt(), v.get("cpr_lon_odd").asInt(), oddNewer, out),
                            "odd newer " + oddNewer);
                }
            });
        }
    }

    private static void readsbAirborne(List<DynamicTest> tests, JsonNode section) {
        double[][] references = { {52.00, 0.00}, {48.70, 0.00}, {54.60, 0.00}, {52.00, 5.40}, {52.00, -4.10} };
        int i = 0;
        for (JsonNode v : section.get("global")) {
            int n = i++;
            int[] e = {v.get("even").get(0).asInt(), v.get("even").get(1).asInt()};
            int[] o = {v.get("odd").get(0).asInt(), v.get("odd").get(1).asInt()};
            add(tests, "cpr_airborne_readsb_raw.global[" + n + "]", () -> {
                double[] out = new double[2];
                assertTrue(Cpr.globalAirborne(e[0], e[1], o[0], o[1], false, out));
                assertPosition(v.get("even_latest"), out, 1e-5, "even latest");
                assertTrue(Cpr.globalAirborne(e[0], e[1], o[0], o[1], true, out));
                assertPosition(v.get("odd_latest"), out, 1e-5, "odd latest");
            });
            add(tests, "cpr_airborne_readsb_raw.relative[" + n + "]", () -> {
                double[] out = new double[2];
                for (double[] ref : references) {
                    String at = " against " + ref[0] + "," + ref[1];
                    assertTrue(Cpr.local(e[0], e[1], false, false, ref[0], ref[1], out), "even" + at);
                    assertPosition(v.get("even_latest"), out, 1e-5, "even" + at);
                    assertTrue(Cpr.local(o[0], o[1], true, false, ref[0], ref[1], out), "odd" + at);
                    assertPosition(v.get("odd_latest"), out, 1e-5, "odd" + at);
                }
            });
        }
    }

    private static void cprSurface(List<DynamicTest> tests, JsonNode section) {
        ModeSFrame even = decoded(section.get("even_msg").asText());
        ModeSFrame odd = decoded(section.get("odd_msg").asText());
        add(tests, "cpr_surface.local_odd", () -> {
            assertTrue(odd.cprSurface && odd.cprOdd && even.cprSurface && !even.cprOdd);
            double[] out = new double[2];
            assertTrue(Cpr.local(odd.cprLat, odd.cprLon, true, true, 43.63, 1.37, out));
            assertPosition(section.get("local_odd_ref_43.63_1.37"), out, DEG, "local odd");
        });
        Object[][] pairs = {
            {"pair_odd_newer_ref_43.63_1.37", true, 43.63, 1.37},
            {"pair_even_newer_ref_43.63_1.37", false, 43.63, 1.37},
            {"pair_odd_newer_ref_-43.5_1.37", true, -43.5, 1.37},
            {"pair_odd_newer_ref_43.63_-178.63", true, 43.63, -178.63},
            {"pair_odd_newer_ref_43.63_91.37", true, 43.63, 91.37},
        };
        int covered = 3; // even_msg, odd_msg, local_odd_ref_43.63_1.37
        for (Object[] pair : pairs) {
            String key = (String) pair[0];
            covered++;
            add(tests, "cpr_surface." + key, () -> {
                double[] out = new double[2];
                assertTrue(Cpr.globalSurface(even.cprLat, even.cprLon, odd.cprLat, odd.cprLon, (Boolean) pair[1],
                        (Double) pair[2], (Double) pair[3], out));
                assertPosition(section.get(key), out, DEG, key);
            });
        }
        JsonNode readsb = section.get("readsb_cambridge_surface");
        covered += 2; // src, readsb_cambridge_surface
        add(tests, "cpr_surface.readsb_cambridge_surface", () -> {
            double[] out = new double[2];
            JsonNode e = readsb.get("even");
            JsonNode o = readsb.get("odd");
            double refLat = readsb.get("ref").get(0).asDouble();
            double refLon = readsb.get("ref").get(1).asDouble();
            assertTrue(Cpr.globalSurface(e.get(0).asInt(), e.get(1).asInt(), o.get(0).asInt(), o.get(1).asInt(),
                    false, refLat, refLon, out));
            assertPosition(readsb.get("even_latest"), out, 1e-5, "even latest");
            assertTrue(Cpr.globalSurface(e.get(0).asInt(), e.get(1).asInt(), o.get(0).asInt(), o.get(1).asInt(),
                    true, refLat, refLon, out));
            assertPosition(readsb.get("odd_latest"), out, 1e-5, "odd latest");
        });
        int keys = section.size();
        int checked = covered;
        add(tests, "cpr_surface: every key checked", () -> assertEquals(keys, checked));
    }

    private static void surfaceSpeed(JsonNode v) {
        ModeSFrame f = decoded(v.get("msg").asText());
        assertTrue(f.typeCode >= 5 && f.typeCode <= 8, "a surface position");
        assertTrue(f.onGround);
        if (v.get("gs_kt").isNull()) {
            assertFalse(f.groundSpeedValid, "no movement information");
        } else {
            assertTrue(f.groundSpeedValid);
            assertEquals(v.get("gs_kt").asDouble(), f.groundSpeedKt, 1e-9);
        }
    }

    private static void velocity(JsonNode v) {
        String msg = v.get("msg").asText();
        ModeSFrame f;
        if (v.path("note").asText().contains("parity field is zero")) {
            byte[] bytes = Hex.bytes(msg);
            f = new ModeSFrame();
            assertEquals(DecodeResult.BAD_CRC,
                    new ModeSDecoder(new IcaoFilter(60_000), true).decode(bytes, 0, 14, NOW, f),
                    "a zero parity field fails the CRC");
            assertEquals(DecodeResult.ACCEPTED,
                    ModeSDecoder.ignoringParity(new IcaoFilter(60_000)).decode(bytes, 0, 14, NOW, f));
        } else {
            f = decoded(msg);
        }
        assertEquals(19, f.typeCode);
        if (v.has("subtype")) {
            assertEquals(v.get("subtype").asInt(), f.subtype);
        }
        if (v.has("groundspeed_kt")) {
            assertTrue(f.groundSpeedValid);
            assertEquals(v.get("groundspeed_kt").asInt(), (int) f.groundSpeedKt, "whole knots, truncated as pyModeS does");
            assertEquals(v.get("track_deg").asDouble(), f.trackDeg, v.path("track_tol").asDouble(0.01));
        }
        if (v.has("airspeed_kt")) {
            assertTrue(f.airspeedValid);
            assertEquals(v.get("airspeed_kt").asInt(), f.airspeedKt);
            assertEquals("TAS".equals(v.get("airspeed_type").asText()), f.airspeedTrue);
            assertTrue(f.headingValid);
            assertEquals(v.get("heading_deg").asDouble(), f.headingDeg, 0.01);
        }
        assertTrue(f.verticalRateValid);
        assertEquals(v.get("vertical_rate_fpm").asInt(), f.verticalRateFpm);
        if (v.has("vr_source")) {
            assertEquals("BARO".equals(v.get("vr_source").asText()), f.verticalRateBaro);
        }
        if (v.has("geo_minus_baro_ft")) {
            assertTrue(f.gnssBaroDiffValid);
            assertEquals(v.get("geo_minus_baro_ft").asInt(), f.gnssBaroDiffFt);
        }
    }

    private static void aircraftStatus(JsonNode v) {
        ModeSFrame f = decoded(v.get("msg").asText());
        assertEquals(v.get("typecode").asInt(), f.typeCode);
        assertEquals(v.get("subtype").asInt(), f.subtype);
        assertEquals(v.get("emergency_state").asInt(), f.emergencyState);
        assertEquals(v.get("squawk").asText(), f.squawkText());
    }

    private static void targetState(JsonNode v) {
        ModeSFrame f = decoded(v.get("msg").asText());
        assertEquals(v.get("typecode").asInt(), f.typeCode);
        assertTrue(f.selectedAltitudeValid);
        assertEquals(v.get("selected_altitude_ft").asInt(), f.selectedAltitudeFt);
        assertEquals("FMS".equals(v.get("selected_altitude_source").asText()), f.selectedAltitudeFms);
        assertTrue(f.baroSettingValid);
        assertEquals(v.get("baro_setting_hpa").asDouble(), f.baroSettingHpa, 0.01);
        assertTrue(f.selectedHeadingValid);
        assertEquals(v.get("selected_heading_deg").asDouble(), f.selectedHeadingDeg, 0.1);
        assertTrue(f.modesValid);
        assertEquals(v.get("autopilot").asBoolean(), f.autopilot);
        assertEquals(v.get("vnav").asBoolean(), f.vnav);
        assertEquals(v.get("alt_hold").asBoolean(), f.altitudeHold);
    }

    /**
     * DF4/5 carry their address only in the parity: the decoder must refuse them until the address was
     * heard in clear, then read them.
     */
    private static void surveillance(JsonNode v) {
        byte[] bytes = Hex.bytes(v.get("msg").asText());
        IcaoFilter filter = new IcaoFilter(60_000);
        ModeSDecoder decoder = new ModeSDecoder(filter, true);
        ModeSFrame f = new ModeSFrame();
        assertEquals(DecodeResult.UNKNOWN_ADDRESS, decoder.decode(bytes, 0, 7, NOW, f),
                "an address never heard in clear is not believed");
        int recovered = f.address;
        if (v.has("icao")) {
            assertEquals(Integer.parseInt(v.get("icao").asText(), 16), recovered);
        }
        filter.seen(recovered, NOW);
        assertEquals(DecodeResult.ACCEPTED, decoder.decode(bytes, 0, 7, NOW + 1, f));
        assertTrue(f.addressFromParity);
        assertEquals(v.get("df").asInt(), f.df);
        if (v.has("altitude_ft")) {
            assertTrue(f.altitudeValid);
            assertEquals(v.get("altitude_ft").asInt(), f.altitudeFt);
        }
        if (v.has("squawk")) {
            assertEquals(v.get("squawk").asText(), f.squawkText());
        }
        if (v.has("flight_status")) {
            assertEquals(v.get("flight_status").asInt(), f.flightStatus);
        }
        assertEquals(DecodeResult.UNKNOWN_ADDRESS, decoder.decode(bytes, 0, 7, NOW + 121_000, f),
                "an address not heard for two expiry periods is forgotten");
    }

    /** A CRC-valid FRUIT velocity inside a clean track: decoded, but not allowed to move the track. */
    private static void phantom(JsonNode v) {
        ModeSFrame before = decoded(v.get("context_before").asText());
        assertEquals(v.get("neighbours_decode_to").get("gs").asInt(), (int) before.groundSpeedKt);
        assertEquals(v.get("neighbours_decode_to").get("track").asDouble(), before.trackDeg, 0.1);
        ModeSFrame phantom = decoded(v.get("phantom").asText());
        assertEquals(v.get("phantom_decodes_to").get("gs").asInt(), (int) phantom.groundSpeedKt);
        assertEquals(v.get("phantom_decodes_to").get("track").asDouble(), phantom.trackDeg, 0.1);

        AircraftTracker tracker = new AircraftTracker(TrackerSettings.defaults());
        tracker.update(before, NOW, Double.NaN, Double.NaN);
        tracker.update(phantom, NOW + 500, Double.NaN, Double.NaN);
        TrackedAircraft aircraft = tracker.last();
        assertEquals(1, tracker.rejectedVelocity(), "the phantom is rejected");
        assertEquals(before.groundSpeedKt, aircraft.groundSpeed, "the track keeps its velocity");
        assertEquals(before.trackDeg, aircraft.track);
        tracker.update(before, NOW + 1000, Double.NaN, Double.NaN);
        assertEquals(1, tracker.rejectedVelocity(), "the next clean report is taken");
    }
}

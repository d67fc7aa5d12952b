package io.streamgate.ingest.adsb.sbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.aviation.AircraftPosition;

/** What a map shows from an SBS feed: the merged picture of each aircraft at every position fix. */
class SbsAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-07-29T18:28:35Z");

    private final SbsAssembler assembler = new SbsAssembler(ZoneOffset.UTC, Duration.ofSeconds(60), 1000);
    private Instant now = T0;

    @Test
    void aFixCarriesWhatEarlierMessagesSaidOfTheAircraft() throws Exception {
        // BCS361 / 3c71a1 of the reference aircraft.json, as dump1090-fa streams it.
        assertEquals(Optional.empty(), accept(
                "MSG,1,1,1,3C71A1,1,2026/07/29,18:28:35.100,2026/07/29,18:28:35.104,BCS361  ,,,,,,,,,,,0", 0));
        assertEquals(Optional.empty(), accept(
                "MSG,4,1,1,3C71A1,1,2026/07/29,18:28:35.300,2026/07/29,18:28:35.303,,,534,80,,,0,,,,,0", 0));
        assertEquals(Optional.empty(), accept(
                "MSG,6,1,1,3C71A1,1,2026/07/29,18:28:35.400,2026/07/29,18:28:35.402,,41000,,,,,,2274,0,0,0,0", 0));

        AircraftPosition fix = accept(
                "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,-2.05223,,,0,0,0,0",
                1).orElseThrow();

        assertEquals("3c71a1", fix.hex());
        assertEquals("BCS361", fix.flight());
        assertEquals(51.34526, fix.lat());
        assertEquals(-2.05223, fix.lon());
        assertEquals(41000, fix.altBaro());
        assertEquals(534.0, fix.groundSpeed());
        assertEquals(80.0, fix.track());
        assertEquals(0, fix.baroRate());
        assertEquals("2274", fix.squawk());
        assertEquals("none", fix.emergency());
        assertFalse(fix.onGround());
        assertFalse(fix.stale(), "SBS streams fixes as they happen");
        assertEquals(Instant.parse("2026-07-29T18:28:35.600Z"), fix.timestamp(), "the generated time is the fix time");
    }

    @Test
    void nothingIsEmittedBeforeTheAircraftHasAPosition() throws Exception {
        assertEquals(Optional.empty(), accept(
                "MSG,5,1,1,407689,1,2026/07/29,18:28:41.000,2026/07/29,18:28:41.010,,23950,,,,,,,0,,0,0", 0));
        assertEquals(Optional.empty(), accept(
                "MSG,3,1,1,407689,1,2026/07/29,18:28:41.200,2026/07/29,18:28:41.210,,23950,,,,,,,0,0,0,0", 0),
                "an airborne position message without a decoded position is no fix");
        assertEquals(Optional.empty(), accept(
                "MSG,8,1,1,407689,1,2026/07/29,18:28:41.300,2026/07/29,18:28:41.310,,,,,,,,,,,,0", 0));
    }

    @Test
    void laterMessagesUpdateTheNextFix() throws Exception {
        accept("MSG,3,1,1,43EA47,1,2026/07/29,18:28:41.000,2026/07/29,18:28:41.010,,6875,,,51.14583,-0.91370,,,0,0,0,0", 0);
        accept("MSG,5,1,1,43EA47,1,2026/07/29,18:28:41.400,2026/07/29,18:28:41.410,,6900,,,,,,,0,,0,0", 0);
        AircraftPosition next = accept(
                "MSG,3,1,1,43EA47,1,2026/07/29,18:28:41.900,2026/07/29,18:28:41.910,,6900,,,51.14470,-0.91440,,,0,0,0,0",
                1).orElseThrow();

        assertEquals(6900, next.altBaro());
        assertEquals(51.14470, next.lat());
    }

    @Test
    void aSurfacePositionPutsTheAircraftOnTheGroundAndAllCallRepliesTakeItBackUp() throws Exception {
        AircraftPosition taxiing = accept(
                "MSG,2,1,1,4CA2CB,1,2026/07/29,18:30:00.000,2026/07/29,18:30:00.010,,,12,275,51.47002,-0.45429,,,,,,",
                0).orElseThrow();
        assertTrue(taxiing.onGround());

        accept("MSG,8,1,1,4CA2CB,1,2026/07/29,18:31:00.000,2026/07/29,18:31:00.010,,,,,,,,,,,,0", 5);
        AircraftPosition airborne = accept(
                "MSG,3,1,1,4CA2CB,1,2026/07/29,18:31:10.000,2026/07/29,18:31:10.010,,1200,,,51.47100,-0.48800,,,0,0,0,0",
                6).orElseThrow();
        assertFalse(airborne.onGround());
    }

    @Test
    void emergencySquawksNameTheEmergency() throws Exception {
        accept("MSG,6,1,1,400795,1,2026/07/29,18:28:41.000,2026/07/29,18:28:41.010,,9000,,,,,,7500,0,-1,0,0", 0);
        assertEquals("unlawful", fix("400795").emergency(), "7500 is a hijack");

        accept("MSG,6,1,1,400795,1,2026/07/29,18:28:42.000,2026/07/29,18:28:42.010,,9000,,,,,,7600,-1,-1,0,0", 0);
        assertEquals("nordo", fix("400795").emergency(), "7600 is a radio failure");

        accept("MSG,6,1,1,400795,1,2026/07/29,18:28:43.000,2026/07/29,18:28:43.010,,9000,,,,,,7700,-1,-1,0,0", 0);
        assertEquals("general", fix("400795").emergency());

        accept("MSG,6,1,1,400795,1,2026/07/29,18:28:44.000,2026/07/29,18:28:44.010,,9000,,,,,,7715,-1,0,0,0", 0);
        assertEquals("none", fix("400795").emergency(), "the emergency ends with the squawk");
    }

    @Test
    void theEmergencyFlagWithoutAnEmergencySquawkIsAGeneralEmergency() throws Exception {
        accept("MSG,3,1,1,400795,1,2026/07/29,18:28:41.000,2026/07/29,18:28:41.010,,9000,,,51.70711,-0.70914,,,0,-1,0,0", 0);
        assertEquals("general", fix("400795").emergency());
    }

    @Test
    void aFeedWithoutEmergencyInformationSaysNothing() throws Exception {
        accept("MSG,3,1,1,400795,1,2026/07/29,18:28:41.000,2026/07/29,18:28:41.010,,9000,,,51.70711,-0.70914,,,,,,0", 0);
        assertNull(fix("400795").emergency());
    }

    @Test
    void anAircraftNotHeardForTheTimeoutIsForgotten() throws Exception {
        accept("MSG,1,1,1,3C71A1,1,2026/07/29,18:28:35.100,2026/07/29,18:28:35.104,BCS361  ,,,,,,,,,,,0", 0);
        accept("MSG,1,1,1,407689,1,2026/07/29,18:28:35.100,2026/07/29,18:28:35.104,EZY16EG ,,,,,,,,,,,0", 50);
        accept("MSG,8,1,1,407689,1,2026/07/29,18:29:35.100,2026/07/29,18:29:35.104,,,,,,,,,,,,0", 61);

        assertEquals(1, assembler.size(), "3c71a1 was last heard 61 s ago");
        AircraftPosition fix = accept(
                "MSG,3,1,1,3C71A1,1,2026/07/29,18:29:36.600,2026/07/29,18:29:36.612,,41000,,,51.34526,-2.05223,,,0,0,0,0",
                62).orElseThrow();
        assertNull(fix.flight(), "a forgotten callsign is not attached to a new fix");
        assertEquals("EZY16EG", fix("407689").flight(), "heard 11 s ago: still known");
    }

    @Test
    void theNumberOfAircraftRememberedIsBounded() throws Exception {
        SbsAssembler small = new SbsAssembler(ZoneOffset.UTC, Duration.ofSeconds(60), 2);
        for (String hex : new String[] {"3C71A1", "407689", "43EA47"}) {
            small.accept(SbsParser.parse("MSG,1,1,1," + hex
                    + ",1,2026/07/29,18:28:35.100,2026/07/29,18:28:35.104,ABC123  ,,,,,,,,,,,0").orElseThrow(), T0);
        }
        assertEquals(2, small.size());
        assertEquals(1, small.evicted());
    }

    @Test
    void theFeedersLocalTimeIsReadInTheConfiguredZone() throws Exception {
        SbsAssembler london = new SbsAssembler(ZoneId.of("Europe/London"), Duration.ofSeconds(60), 10);
        AircraftPosition fix = london.accept(SbsParser.parse(
                "MSG,3,1,1,3C71A1,1,2026/07/29,19:28:35.600,2026/07/29,19:28:35.612,,41000,,,51.34526,-2.05223,,,0,0,0,0")
                .orElseThrow(), T0).orElseThrow();

        assertEquals(Instant.parse("2026-07-29T18:28:35.600Z"), fix.timestamp(), "BST is UTC+1 in July");
    }

    @Test
    void aLineWithoutDateIsFixedAtItsArrival() throws Exception {
        AircraftPosition fix = accept("MSG,3,1,1,3C71A1,1,,,,,,41000,,,51.34526,-2.05223,,,0,0,0,0", 3).orElseThrow();
        assertEquals(T0.plusSeconds(3), fix.timestamp());
    }

    private Optional<AircraftPosition> accept(String line, int secondsAfterT0) throws MalformedSbsLineException {
        now = T0.plusSeconds(secondsAfterT0);
        return assembler.accept(SbsParser.parse(line).orElseThrow(), now);
    }

    /** A bare fix of an aircraft already known, arriving right after the last line, to read its merged state. */
    private AircraftPosition fix(String hex) throws MalformedSbsLineException {
        return assembler.accept(SbsParser.parse("MSG,3,1,1," + hex + ",1,,,,,,,,,51.0,-0.5,,,,,,").orElseThrow(), now)
                .orElseThrow();
    }
}

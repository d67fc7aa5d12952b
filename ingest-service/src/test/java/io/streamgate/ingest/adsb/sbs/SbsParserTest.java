package io.streamgate.ingest.adsb.sbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines as dump1090-fa writes them (field layout of its {@code modesSendSBSOutput}), with values of
 * BCS361 / 3c71a1 and VSB06 / 43ea47 from {@code data/adsb/dump1090-fa-aircraft.json}.
 */
class SbsParserTest {

    @Test
    void anAirbornePositionCarriesAltitudePositionAndFlags() throws Exception {
        SbsMessage message = parse(
                "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,-2.05223,,,0,0,0,0");

        assertEquals(3, message.type());
        assertEquals("3c71a1", message.hex(), "hex is lower-cased like aircraft.json's");
        assertEquals(LocalDateTime.of(2026, 7, 29, 18, 28, 35, 600_000_000), message.generated());
        assertEquals(LocalDateTime.of(2026, 7, 29, 18, 28, 35, 612_000_000), message.logged());
        assertEquals(41000, message.altitude());
        assertEquals(51.34526, message.lat());
        assertEquals(-2.05223, message.lon());
        assertEquals(Boolean.FALSE, message.alert());
        assertEquals(Boolean.FALSE, message.emergency());
        assertEquals(Boolean.FALSE, message.spi());
        assertEquals(Boolean.FALSE, message.onGround());
        assertTrue(message.hasPosition());
        assertNull(message.callsign());
        assertNull(message.groundSpeed());
    }

    @Test
    void identificationCarriesTheCallsignWithoutItsPadding() throws Exception {
        SbsMessage message = parse(
                "MSG,1,1,1,3C71A1,1,2026/07/29,18:28:35.100,2026/07/29,18:28:35.104,BCS361  ,,,,,,,,,,,0");

        assertEquals("BCS361", message.callsign());
        assertFalse(message.hasPosition());
        assertNull(message.emergency(), "an empty flag is unknown, not false");
    }

    @Test
    void velocityCarriesGroundSpeedTrackAndVerticalRate() throws Exception {
        SbsMessage message = parse(
                "MSG,4,1,1,43EA47,1,2026/07/29,18:28:41.100,2026/07/29,18:28:41.108,,,177,204,,,1504,,,,,0");

        assertEquals(177.0, message.groundSpeed());
        assertEquals(204.0, message.track());
        assertEquals(1504, message.verticalRate());
    }

    @Test
    void surveillanceRepliesCarrySquawkAndFlagsWrittenAsMinusOne() throws Exception {
        SbsMessage message = parse(
                "MSG,6,1,1,43EA47,1,2026/07/29,18:28:41.300,2026/07/29,18:28:41.305,,6875,,,,,,7700,-1,-1,0,-1");

        assertEquals("7700", message.squawk());
        assertEquals(Boolean.TRUE, message.alert());
        assertEquals(Boolean.TRUE, message.emergency());
        assertEquals(Boolean.TRUE, message.onGround());
        assertEquals(6875, message.altitude());
    }

    @Test
    void aNonIcaoAddressKeepsItsTilde() throws Exception {
        assertEquals("~3c71a1", parse(
                "MSG,3,1,1,~3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,-2.05223,,,,,,0")
                .hex());
    }

    @Test
    void timesWithoutFractionsAreRead() throws Exception {
        assertEquals(LocalDateTime.of(2026, 7, 29, 18, 28, 35), parse(
                "MSG,8,1,1,3C71A1,1,2026/07/29,18:28:35,2026/07/29,18:28:35,,,,,,,,,,,,0").generated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "SEL,,496,2286,4CA4E5,27215,2010/02/19,18:06:07.710,2010/02/19,18:06:07.710,RYR1427",
            "ID,,496,7162,405637,27928,2010/02/19,18:06:07.115,2010/02/19,18:06:07.115,EZY691A",
            "AIR,,496,5906,4CA2D6,27215,2010/02/19,18:06:07.710,2010/02/19,18:06:07.710",
            "STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM"})
    void otherRecordTypesAreIgnored(String line) throws Exception {
        assertEquals(Optional.empty(), SbsParser.parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // cut short by a dropped connection
        "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,-2.0",
        "MSG,9,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,,,,,,,,0",
        "MSG,3,1,1,3C71Z1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,,,,,,,,0",
        "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,91.5,-2.05223,,,,,,0",
        "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,51.34526,,,,,,,0",
        "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,FL410,,,,,,,,,,0",
        "MSG,3,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,NaN,-2.05223,,,,,,0",
        "MSG,6,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,,,,,,,7800,,,,0",
        "MSG,6,1,1,3C71A1,1,2026/07/29,18:28:35.600,2026/07/29,18:28:35.612,,,,,,,,2274,yes,,,0",
        "MSG,3,1,1,3C71A1,1,2026/13/29,18:28:35.600,2026/07/29,18:28:35.612,,41000,,,,,,,,,,0"})
    void linesThatCannotBeTrustedAreRejected(String line) {
        assertThrows(MalformedSbsLineException.class, () -> SbsParser.parse(line));
    }

    private static SbsMessage parse(String line) throws MalformedSbsLineException {
        assertEquals(SbsParser.FIELDS, line.split(",", -1).length, "test line has the 22 SBS fields: " + line);
        return SbsParser.parse(line).orElseThrow();
    }
}

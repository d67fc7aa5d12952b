package io.streamgate.stats.aircraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AirlinesTest {

    @Test
    void airlineCallsignsGiveTheirIcaoDesignator() {
        assertEquals("UAL", Airlines.of("UAL123"));
        assertEquals("BAW", Airlines.of("BAW9K "));
        assertEquals("DLH", Airlines.of("dlh4tk"));
    }

    @Test
    void tailNumbersAndMissingCallsignsHaveNoAirline() {
        assertNull(Airlines.of("N12345"));
        assertNull(Airlines.of("HBJVC"));
        assertNull(Airlines.of("GABCD"));
        assertNull(Airlines.of(""));
        assertNull(Airlines.of(null));
    }

    @Test
    void kindsRoundTripWithUnknownParts() {
        Kind kind = new Kind("A3", null, "UAL");
        assertEquals(kind, Kind.decode(kind.encode()));
        assertEquals(new Kind(null, null, null), Kind.decode("||"));
    }
}

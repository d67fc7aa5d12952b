package io.streamgate.safety.aviation.tcas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SensitivityLevelTest {

    @ParameterizedTest(name = "{0} ft → SL{1}: TA {2} s / {4} nm / {6} ft, RA {3} s / {5} nm / {7} ft")
    @CsvSource({
        "-200, 2, 20, , 0.30, , 850, ",
        "999, 2, 20, , 0.30, , 850, ",
        "1000, 3, 25, 15, 0.33, 0.20, 850, 600",
        "2349, 3, 25, 15, 0.33, 0.20, 850, 600",
        "2350, 4, 30, 20, 0.48, 0.35, 850, 600",
        "5000, 5, 40, 25, 0.75, 0.55, 850, 600",
        "9999, 5, 40, 25, 0.75, 0.55, 850, 600",
        "10000, 6, 45, 30, 1.00, 0.80, 850, 600",
        "20000, 7, 48, 35, 1.30, 1.10, 850, 700",
        "41999, 7, 48, 35, 1.30, 1.10, 850, 700",
        "42000, 7, 48, 35, 1.30, 1.10, 1200, 800",
        "51000, 7, 48, 35, 1.30, 1.10, 1200, 800"})
    void theTableOfDomainNotes(double altitude, int level, double taTau, Double raTau, double taDmod, Double raDmod,
            double taZthr, Double raZthr) {
        SensitivityLevel sl = SensitivityLevel.forAltitude(altitude);
        assertEquals(level, sl.number());
        assertEquals(taTau, sl.ta().tau());
        assertEquals(taDmod, sl.ta().dmod());
        assertEquals(taZthr, sl.ta().zthr());
        if (raTau == null) {
            assertFalse(sl.issuesRa(), "no resolution advisories below 1000 ft");
            assertNull(sl.ra());
        } else {
            assertEquals(raTau, sl.ra().tau());
            assertEquals(raDmod, sl.ra().dmod());
            assertEquals(raZthr, sl.ra().zthr());
        }
    }

    @Test
    void lowerBoundsAreInclusive() {
        assertSame(SensitivityLevel.SL3, SensitivityLevel.forAltitude(1000));
        assertSame(SensitivityLevel.SL7_ABOVE_FL420, SensitivityLevel.forAltitude(42000));
        assertTrue(SensitivityLevel.SL7_ABOVE_FL420.from() == 42000);
    }
}

package io.streamgate.ingest.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The number of longitude zones against transition latitudes of readsb's NL table and the known answers. */
class CprZonesTest {

    @Test
    void zonesChangeAtTheTabulatedLatitudes() {
        double[][] table = { {10.47047130, 59}, {14.82817437, 58}, {33.53993436, 50}, {86.53536998, 3},
            {87.0, 2} };
        for (double[] row : table) {
            double latitude = row[0];
            int zones = (int) row[1];
            assertEquals(zones, Cpr.nl(latitude - 1e-6), "just below " + latitude);
            assertEquals(zones, Cpr.nl(-(latitude - 1e-6)), "the southern hemisphere alike");
        }
        // the known answers' NL-mismatch pair: 66.36° has 24 zones, 66.38° 23
        assertEquals(24, Cpr.nl(66.36));
        assertEquals(23, Cpr.nl(66.38));
        assertEquals(59, Cpr.nl(0));
        assertEquals(1, Cpr.nl(87.0001));
        assertEquals(1, Cpr.nl(90));
    }
}

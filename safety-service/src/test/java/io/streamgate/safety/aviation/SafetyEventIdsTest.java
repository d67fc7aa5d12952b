package io.streamgate.safety.aviation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SafetyEventIdsTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00.250Z");
    private static final long JS_MAX_SAFE_INTEGER = (1L << 53) - 1;

    @Test
    void theSameEpisodeAlwaysGetsTheSameId() {
        assertEquals(SafetyEventIds.of("default", "TCAS_RA", "3c6401|4b1801", T),
                SafetyEventIds.of("default", "TCAS_RA", "3c6401|4b1801", T));
    }

    @Test
    void tenantTypeSubjectAndStartAllMatter() {
        long id = SafetyEventIds.of("default", "TCAS_RA", "3c6401|4b1801", T);
        assertNotEquals(id, SafetyEventIds.of("acme", "TCAS_RA", "3c6401|4b1801", T));
        assertNotEquals(id, SafetyEventIds.of("default", "TCAS_TA", "3c6401|4b1801", T));
        assertNotEquals(id, SafetyEventIds.of("default", "TCAS_RA", "3c6401|4b1802", T));
        assertNotEquals(id, SafetyEventIds.of("default", "TCAS_RA", "3c6401|4b1801", T.plusMillis(1)));
    }

    @Test
    void idsAreSafeJavaScriptIntegersUntil2088() {
        assertTrue(SafetyEventIds.of("default", "emergency_squawk", "abc123", T) > 0);
        assertTrue(SafetyEventIds.of("default", "emergency_squawk", "abc123",
                Instant.parse("2088-01-01T00:00:00Z")) <= JS_MAX_SAFE_INTEGER);
    }

    @Test
    void idsGrowWithFirstSeen() {
        long earlier = SafetyEventIds.of("default", "emergency_squawk", "ffffff", T);
        long later = SafetyEventIds.of("default", "emergency_squawk", "000000", T.plusSeconds(1));
        assertTrue(later > earlier);
        assertEquals(Instant.parse("2026-11-23T12:00:00Z"), SafetyEventIds.firstSeenSecond(earlier));
    }

    @Test
    void episodesBeginningInTheSameSecondRarelyCollide() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(SafetyEventIds.of("default", "TCAS_TA", String.format("%06x", i), T));
        }
        assertTrue(ids.size() >= 999, "1000 episodes in one second: " + (1000 - ids.size()) + " collision(s)");
    }
}

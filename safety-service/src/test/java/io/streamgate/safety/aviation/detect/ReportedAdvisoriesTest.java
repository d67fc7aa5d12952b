package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.aviation.AcasAdvisory;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyConfigs;

/** An RA an aircraft reports is one TCAS_RA episode: raised once, revised when it changes, ended as it ends. */
class ReportedAdvisoriesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private final ReportedAdvisories advisories = new ReportedAdvisories(SafetyConfigs.defaults());

    @Test
    void aReportedAdvisoryIsRaisedOnceRevisedWhenItChangesAndEndsWhenTerminated() {
        List<Emission> first = advisories.onReport("t", report(0, 0b10000000000000, "climb", false));
        assertEquals(1, first.size());
        SafetyEvent raised = first.get(0).event();
        assertEquals(SafetyEvent.TYPE_TCAS_RA, raised.eventType());
        assertEquals(SafetyEvent.CRITICAL, raised.severity());
        assertEquals("4ca679", raised.icaoHex());
        assertEquals("406755", raised.icaoHex2(), "the threat the aircraft named");
        assertEquals("reported", raised.details().get("source"));
        assertEquals("climb", raised.details().get("sense"));
        assertTrue(raised.active());

        assertEquals(List.of(), advisories.onReport("t", report(1, 0b10000000000000, "climb", false)),
                "the same advisory again is no news");
        List<Emission> changed = advisories.onReport("t", report(2, 0b11000000000000, "climb", false));
        assertEquals(1, changed.size());
        assertEquals(raised.id(), changed.get(0).event().id(), "the same episode, revised");
        assertEquals(1, changed.get(0).revision());

        List<Emission> ended = advisories.onReport("t", report(3, 0, null, true));
        assertEquals(1, ended.size());
        assertFalse(ended.get(0).event().active());
        assertEquals("terminated", ended.get(0).event().details().get("end_reason"));
        assertEquals(0, advisories.openEpisodes());
    }

    @Test
    void anAdvisoryWhoseAircraftFallsSilentEndsAfterTheSilenceWindow() {
        advisories.onReport("t", report(0, 0b10000000000000, "descend", false));
        assertEquals(List.of(), advisories.sweep(T0.plusSeconds(5)), "still within the window");
        List<Emission> ended = advisories.sweep(T0.plus(SafetyConfigs.defaults().acas().silence()).plusSeconds(1));
        assertEquals(1, ended.size());
        assertEquals("silence", ended.get(0).event().details().get("end_reason"));
    }

    @Test
    void aTerminationWithoutAnOpenAdvisoryRaisesNothingAndTenantsAreApart() {
        assertEquals(List.of(), advisories.onReport("t", report(0, 0, null, true)));
        advisories.onReport("a", report(0, 0b10000000000000, "climb", false));
        advisories.onReport("b", report(0, 0b10000000000000, "climb", false));
        assertEquals(2, advisories.openEpisodes());
    }

    private static AcasAdvisory report(int second, int ara, String sense, boolean terminated) {
        return new AcasAdvisory("4ca679", ara, 0, sense, terminated, false, "406755", 20, 47.5, 8.5, 36000,
                T0.plusSeconds(second));
    }
}

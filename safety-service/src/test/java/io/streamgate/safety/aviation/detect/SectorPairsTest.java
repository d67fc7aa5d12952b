package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.Fix;
import io.streamgate.safety.aviation.SafetyConfigs;

/**
 * Pair engines as pair detection runs them, one per sector: every sector that sees both aircraft evaluates the
 * pair, only the home sector of the lower hex reports it, and a sector that takes over a pair (the lower hex
 * crossed into it, or a replica took the sector over) continues or ends what the previous one opened.
 */
class SectorPairsTest {

    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");

    private final SafetyEngine west = SafetyEngine.pairs(SafetyConfigs.defaults());
    private final SafetyEngine east = SafetyEngine.pairs(SafetyConfigs.defaults());
    private final List<Emission> fromWest = new ArrayList<>();
    private final List<Emission> fromEast = new ArrayList<>();

    /** Head-on at the same level, 3 nm apart: advisories and a conflict within three positions. */
    private final Fix lower = Fix.of("4b0001").flight("LOW1").at(45.5, 6.5).altitude(15000).track(90).speed(300.0)
            .time(START);
    private final Fix higher = Fix.of("4b0002").flight("HIGH2").from(45.5, 6.5, 90, 3).altitude(15000).track(270)
            .speed(300.0).time(START);

    @Test
    void onlyTheHomeSectorOfTheLowerHexReportsThePair() {
        // The lower hex lives in the west sector, the other in the east one; each sector sees both.
        fly(0, 4, true, false);

        assertEquals(Set.of(SafetyEvent.TYPE_TCAS_TA, SafetyEvent.TYPE_TCAS_RA, SafetyEvent.TYPE_PROXIMITY_CONFLICT),
                opened(fromWest).keySet());
        assertTrue(fromEast.isEmpty(), "the other sector reports nothing: " + fromEast);
        assertEquals(0, east.openEpisodes());
    }

    @Test
    void whenTheLowerHexCrossesIntoAnotherSectorTheOldOneHandsThePairOver() {
        fly(0, 4, true, false);
        Map<String, SafetyEvent> openedWest = opened(fromWest);

        // Now the lower hex is at home in the east sector.
        fly(4, 8, false, false);

        for (SafetyEvent raised : openedWest.values()) {
            SafetyEvent end = last(fromWest, raised.id());
            assertFalse(end.active(), "ended in the west: " + end);
            assertEquals("handover", end.details().get("end_reason"));
        }
        assertEquals(0, west.openEpisodes());
        assertTrue(opened(fromEast).containsKey(SafetyEvent.TYPE_PROXIMITY_CONFLICT),
                "the east sector reports the pair from now on: " + fromEast);
    }

    @Test
    void aSectorTakenOverContinuesTheEpisodesItsPreviousOwnerOpenedUnderTheirIds() {
        fly(0, 4, true, false);
        Map<Long, Emission> latest = new HashMap<>();
        fromWest.forEach(e -> latest.put(e.event().id(), e));

        // A new owner of the west sector: it inherits what the store held, then reads on.
        SafetyEngine taker = SafetyEngine.pairs(SafetyConfigs.defaults());
        Instant takenOver = START.plusSeconds(4);
        latest.values().forEach(e -> taker.inherit(e.tenant(), e.event(), e.revision(), takenOver));
        List<Emission> fromTaker = new ArrayList<>();
        for (int i = 4; i < 30; i++) {
            fromTaker.addAll(taker.onPosition(EngineRun.TENANT, lower.after(i).position(), 0, true,
                    START.plusSeconds(i)));
            fromTaker.addAll(taker.onPosition(EngineRun.TENANT, higher.after(i).position(), 0, false,
                    START.plusSeconds(i)));
        }

        assertTrue(fromTaker.stream().noneMatch(e -> e.revision() == 0), "nothing opened twice: " + fromTaker);
        for (Emission before : latest.values()) {
            List<Emission> after = fromTaker.stream().filter(e -> e.event().id() == before.event().id()).toList();
            assertFalse(after.isEmpty(), "the episode goes on under its id: " + before.event());
            assertEquals(before.revision() + 1, after.get(0).revision(), "the next revision");
            Emission end = after.get(after.size() - 1);
            assertFalse(end.event().active());
            assertEquals("separated", end.event().details().get("end_reason"), "ended as the pair passed");
            assertEquals(before.event().firstSeen(), end.event().firstSeen());
        }
        assertEquals(0, taker.openEpisodes());
    }

    @Test
    void anInheritedEpisodeNotConfirmedAgainEndsAsHandedOver() {
        fly(0, 4, true, false);
        Emission conflict = fromWest.stream()
                .filter(e -> e.event().eventType().equals(SafetyEvent.TYPE_PROXIMITY_CONFLICT)).findFirst()
                .orElseThrow();
        SafetyEngine taker = SafetyEngine.pairs(SafetyConfigs.defaults());
        Instant takenOver = START.plusSeconds(4);
        taker.inherit(conflict.tenant(), conflict.event(), conflict.revision(), takenOver);

        assertTrue(taker.endUnadopted(takenOver, takenOver.plusSeconds(1)).isEmpty(), "still within the grace");
        List<Emission> ended = taker.endUnadopted(takenOver.plus(Duration.ofMillis(1)), takenOver.plusSeconds(11));
        assertEquals(1, ended.size());
        assertEquals(conflict.event().id(), ended.get(0).event().id());
        assertEquals(conflict.revision() + 1, ended.get(0).revision());
        assertFalse(ended.get(0).event().active());
        assertEquals("handover", ended.get(0).event().details().get("end_reason"));
        assertEquals(0, taker.openEpisodes());
    }

    /** Both aircraft report once a second; each sector gets both copies, marked home or not. */
    private void fly(int from, int to, boolean lowerHomeWest, boolean higherHomeWest) {
        for (int i = from; i < to; i++) {
            Instant now = START.plusSeconds(i);
            fromWest.addAll(west.onPosition(EngineRun.TENANT, lower.after(i).position(), 0, lowerHomeWest, now));
            fromEast.addAll(east.onPosition(EngineRun.TENANT, lower.after(i).position(), 0, !lowerHomeWest, now));
            fromWest.addAll(west.onPosition(EngineRun.TENANT, higher.after(i).position(), 0, higherHomeWest, now));
            fromEast.addAll(east.onPosition(EngineRun.TENANT, higher.after(i).position(), 0, !higherHomeWest, now));
        }
    }

    private static Map<String, SafetyEvent> opened(List<Emission> emissions) {
        return emissions.stream().filter(e -> e.revision() == 0).map(Emission::event)
                .collect(Collectors.toMap(SafetyEvent::eventType, e -> e, (a, b) -> {
                    throw new AssertionError("opened twice: " + a + " " + b);
                }));
    }

    private static SafetyEvent last(List<Emission> emissions, long id) {
        return emissions.stream().map(Emission::event).filter(e -> e.id() == id).reduce((a, b) -> b).orElseThrow();
    }
}

package io.streamgate.stats.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MinuteWindowsTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void countsCoverTheLastSixtySecondsOnly() {
        MinuteWindows windows = new MinuteWindows();
        windows.count("a", "positions", T, 5);
        windows.count("a", "positions", T + 30_000, 2);
        assertEquals(7L, windows.snapshot("a", T + 30_000).get("positions"));
        assertEquals(2L, windows.snapshot("a", T + 60_000).get("positions"), "the first second has left the window");
        assertEquals(0L, windows.snapshot("a", T + 200_000).get("positions"));
    }

    @Test
    void aBucketReusedAMinuteLaterStartsFromZero() {
        MinuteWindows windows = new MinuteWindows();
        windows.count("a", "positions", T, 5);
        windows.count("a", "positions", T + 60_000, 1);
        assertEquals(1L, windows.snapshot("a", T + 60_000).get("positions"));
    }

    @Test
    void distinctMembersAreCountedOncePerMinuteAndTenantsStayApart() {
        MinuteWindows windows = new MinuteWindows();
        windows.distinct("a", "aircraft", "x", T);
        windows.distinct("a", "aircraft", "x", T + 1_000);
        windows.distinct("a", "aircraft", "y", T + 2_000);
        windows.distinct("b", "aircraft", "z", T);
        assertEquals(Map.of("aircraft", 2L), windows.snapshot("a", T + 2_000));
        assertEquals(Map.of("aircraft", 1L), windows.snapshot("b", T + 2_000));
        assertEquals(Map.of("aircraft", 1L), windows.snapshot("a", T + 61_500), "x left the window, y not yet");
    }
}

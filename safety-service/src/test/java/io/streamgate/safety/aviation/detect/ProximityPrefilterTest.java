package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Fix;
import io.streamgate.safety.aviation.SafetyConfigs;

/** The cheap bounds before a pair's full assessment must never drop a pair the assessment would flag. */
class ProximityPrefilterTest {

    private final AviationSafetyConfig config = SafetyConfigs.defaults();
    private final ProximityDetector detector = new ProximityDetector(config, new Filters(config), new EpisodeLog());

    @Test
    void neverRejectsAPairTheAssessmentWouldFlag() {
        Random random = new Random(7);
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        int flagged = 0;
        int rejected = 0;
        for (int i = 0; i < 50_000; i++) {
            double lat = -70 + random.nextDouble() * 140;
            double lon = -180 + random.nextDouble() * 360;
            int altitude = 1000 + random.nextInt(40000);
            Fix one = Fix.of("a00001").at(lat, lon).altitude(altitude).speed(40 + random.nextDouble() * 560)
                    .track(random.nextDouble() * 360).rate(randomRate(random)).time(t);
            Fix two = Fix.of("a00002").from(lat, lon, random.nextDouble() * 360, random.nextDouble() * 45)
                    .altitude(altitude + random.nextInt(12000) - 6000).speed(40 + random.nextDouble() * 560)
                    .track(random.nextDouble() * 360).rate(randomRate(random))
                    .time(t.plusMillis(random.nextInt(10_000)));
            TrackedAircraft a = tracked(one);
            TrackedAircraft b = tracked(two);
            Instant now = two.time();
            boolean plausible = detector.plausible(a, b, now);
            if (detector.assess(a, b).anyHit()) {
                flagged++;
                assertTrue(plausible, "rejected a flagged pair: " + one.position() + " / " + two.position());
            } else if (!plausible) {
                rejected++;
            }
        }
        assertTrue(flagged > 100, "the sample has conflicts: " + flagged);
        assertTrue(rejected > 10_000, "and the filter spares assessments: " + rejected);
    }

    private static int randomRate(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(257) - 128;
            case 1 -> random.nextInt(8000) - 4000;
            default -> 0;
        };
    }

    private TrackedAircraft tracked(Fix fix) {
        Duration cooldown = Duration.ofSeconds(60);
        TrackedAircraft aircraft = new TrackedAircraft(fix.hexValue(), new Confirmation(2, 3, 3, cooldown),
                new Confirmation(2, 3, 3, cooldown));
        aircraft.update(fix.position(), fix.time(), 0);
        return aircraft;
    }
}

package io.streamgate.safety.aviation.detect;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.safety.aviation.Fix;

/** Positions {@link Fix} does not build. */
final class AircraftPositions {

    private AircraftPositions() {
    }

    /** One fix a second with only a geometric vertical rate. */
    static void feedWithGeomRate(EngineRun run, Fix fix, int geomRate, int seconds) {
        for (int i = 0; i < seconds; i++) {
            AircraftPosition p = fix.after(i).position();
            AircraftPosition geometric = new AircraftPosition(p.hex(), p.flight(), p.lat(), p.lon(), p.altBaro(),
                    p.onGround(), null, p.groundSpeed(), p.track(), null, geomRate, p.squawk(), p.emergency(),
                    p.category(), false, null, null, null, p.seenPos(), p.stale(), p.timestamp());
            run.published.addAll(run.engine.onPosition(EngineRun.TENANT, geometric, 0, p.timestamp()));
        }
    }
}

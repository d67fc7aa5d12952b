package io.streamgate.safety.aviation.detect;

import java.time.Instant;

import io.streamgate.safety.aviation.geo.ClosestApproach;
import io.streamgate.safety.aviation.geo.Kinematics;
import io.streamgate.safety.aviation.geo.RelativeMotion;
import io.streamgate.safety.aviation.geo.SeparationForecast;
import io.streamgate.safety.aviation.tcas.Advisory;
import io.streamgate.safety.aviation.tcas.SensitivityLevel;

/**
 * One look at a pair, both aircraft dead-reckoned to the same instant.
 *
 * @param level     the sensitivity level that gave {@code advisory} (the first aircraft's when none did)
 * @param loss      the predicted loss of the protected zone, or null
 * @param conflict  the STCA-like condition: a loss within the look-ahead while the pair still closes
 *                  horizontally or vertically (a pair moving apart in both is resolving, not a conflict)
 * @param formation the pair moves together (relative speed below the formation limit): never a condition
 */
record PairAssessment(Instant time, Kinematics first, Kinematics second, RelativeMotion motion, ClosestApproach cpa,
        SensitivityLevel level, Advisory advisory, SeparationForecast.Loss loss, boolean conflict,
        boolean formation) {

    boolean anyHit() {
        return advisory != Advisory.NONE || conflict;
    }

    boolean separationLost() {
        return loss != null && loss.current();
    }
}

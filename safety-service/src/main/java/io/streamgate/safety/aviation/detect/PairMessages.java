package io.streamgate.safety.aviation.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.tcas.SensitivityLevel;
import io.streamgate.safety.aviation.tcas.TcasLogic;

/** The message and details of pair events. */
final class PairMessages {

    private PairMessages() {
    }

    static String raised(String type, Episode episode, PairAssessment a, AviationSafetyConfig config) {
        String one = name(episode.callsign(), episode.hex());
        String two = name(episode.callsign2(), episode.hex2());
        String geometry = a == null ? "" : String.format(Locale.ROOT, " (%.2f nm, %d ft apart)",
                a.motion().range(), Math.round(Math.abs(a.motion().sz())));
        return switch (type) {
            case SafetyEvent.TYPE_TCAS_RA -> "TCAS Resolution Advisory - " + sense(a, one, two) + geometry;
            case SafetyEvent.TYPE_TCAS_TA -> "TCAS Traffic Advisory - " + one + " and " + two + geometry;
            default -> a != null && a.separationLost()
                    ? "Separation lost: " + one + " and " + two + geometry
                    : String.format(Locale.ROOT, "Proximity conflict: %s and %s predicted within "
                            + "%.0f nm / %.0f ft in %.0f s%s", one, two, config.proximity().lateralMinimum(),
                            config.proximity().verticalMinimum(), a == null || a.loss() == null ? 0 : a.loss().entry(),
                            geometry);
        };
    }

    static String ended(String type) {
        return switch (type) {
            case SafetyEvent.TYPE_TCAS_RA -> "TCAS Resolution Advisory ended";
            case SafetyEvent.TYPE_TCAS_TA -> "TCAS Traffic Advisory ended";
            default -> "Proximity conflict ended";
        };
    }

    /**
     * The vertical sense a coordinated RA would give: the higher aircraft climbs, the lower descends; at
     * the same altitude, the one already climbing faster climbs.
     */
    private static String sense(PairAssessment a, String one, String two) {
        if (a == null) {
            return one + " and " + two;
        }
        double above = a.motion().sz() != 0 ? a.motion().sz() : a.motion().vz();
        if (above == 0) {
            return one + " and " + two + " separate vertically";
        }
        return above > 0 ? two + " climb, " + one + " descend" : one + " climb, " + two + " descend";
    }

    private static String name(String callsign, String hex) {
        return callsign != null && !callsign.isBlank() ? callsign : hex;
    }

    static Details details(String type, PairAssessment a, AviationSafetyConfig config) {
        Details details = new Details();
        if (a == null) {
            return details;
        }
        details.put("distance_nm", a.motion().range(), 2)
                .put("altitude_diff_ft", Details.whole(Math.abs(a.motion().sz())))
                .put("closure_rate_kt", a.motion().closureRateKt(), 0)
                .put("relative_speed_kt", a.motion().relativeSpeedKt(), 0)
                .put("altitude", Details.whole(a.first().altitude()))
                .put("altitude_2", Details.whole(a.second().altitude()))
                .position("position", a.first().lat(), a.first().lon())
                .position("position_2", a.second().lat(), a.second().lon());
        Map<String, Object> cpa = new LinkedHashMap<>();
        cpa.put("time_s", Details.round(a.cpa().time(), 1));
        cpa.put("distance_nm", Details.round(a.cpa().distance(), 2));
        cpa.put("altitude_diff_ft", Math.round(Math.abs(a.cpa().altitudeDiff())));
        details.put("cpa", cpa);
        if (type.equals(SafetyEvent.TYPE_PROXIMITY_CONFLICT)) {
            AviationSafetyConfig.Proximity p = config.proximity();
            details.put("lateral_minimum_nm", p.lateralMinimum())
                    .put("vertical_minimum_ft", Math.round(p.verticalMinimum()))
                    .put("look_ahead_s", p.lookAhead().toSeconds())
                    .put("separation_lost", a.separationLost())
                    .put("score", a.cpa().score(p.lateralMinimum(), p.verticalMinimum()), 2);
            if (a.loss() != null) {
                details.put("time_to_loss_s", a.loss().entry(), 1);
            }
        } else {
            SensitivityLevel level = a.level();
            SensitivityLevel.Thresholds t = type.equals(SafetyEvent.TYPE_TCAS_RA) && level.issuesRa() ? level.ra()
                    : level.ta();
            details.put("sensitivity_level", level.number())
                    .put("tau_s", TcasLogic.modifiedTau(a.motion(), t.dmod()), 1)
                    .put("time_to_co_altitude_s", TcasLogic.timeToCoAltitude(a.motion()), 1);
            Map<String, Object> thresholds = new LinkedHashMap<>();
            thresholds.put("tau_s", t.tau());
            thresholds.put("dmod_nm", t.dmod());
            thresholds.put("zthr_ft", Math.round(t.zthr()));
            details.put("thresholds", thresholds);
        }
        return details;
    }
}

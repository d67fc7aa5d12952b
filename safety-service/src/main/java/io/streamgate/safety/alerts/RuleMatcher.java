package io.streamgate.safety.alerts;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.AlertRule.Area;
import io.streamgate.platform.alerts.AlertRule.Conditions;
import io.streamgate.platform.alerts.AlertRule.Range;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.geo.GeoMath;

/**
 * One rule ready for evaluation: patterns compiled and lists turned into sets once, when the rule is
 * loaded, so that a position costs a few comparisons per rule. All present conditions must hold; a
 * condition on a value the position does not report (no callsign, no altitude, …) does not hold.
 */
public final class RuleMatcher {

    private final AlertRule rule;
    private final Duration cooldown;
    private final Range altitude;
    private final Range speed;
    private final Set<String> squawks;
    private final Set<String> categories;
    private final Boolean military;
    private final Pattern callsign;
    private final Pattern hex;
    private final Pattern registration;
    private final Area distance;

    public RuleMatcher(AlertRule rule) {
        this.rule = rule;
        this.cooldown = Duration.ofSeconds(rule.cooldown());
        Conditions c = rule.conditions();
        this.altitude = c.altitude();
        this.speed = c.speed();
        this.squawks = c.squawk() == null ? null : Set.copyOf(c.squawk());
        this.categories = c.category() == null ? null : Set.copyOf(c.category());
        this.military = c.military();
        this.callsign = c.callsign() == null ? null : GlobPattern.compile(c.callsign());
        this.hex = c.hex() == null ? null : GlobPattern.compile(c.hex());
        this.registration = c.registration() == null ? null : GlobPattern.compile(c.registration());
        this.distance = c.distance();
    }

    public AlertRule rule() {
        return rule;
    }

    public Duration cooldown() {
        return cooldown;
    }

    /** Cheapest checks first: most positions fail one of them. */
    public boolean matches(AircraftPosition p) {
        if (military != null && p.military() != military) {
            return false;
        }
        if (squawks != null && (p.squawk() == null || !squawks.contains(p.squawk()))) {
            return false;
        }
        if (categories != null && (p.category() == null || !categories.contains(p.category().toUpperCase()))) {
            return false;
        }
        if (altitude != null) {
            Integer feet = p.onGround() ? Integer.valueOf(0) : p.altBaro();
            if (feet == null || !altitude.contains(feet)) {
                return false;
            }
        }
        if (speed != null && (p.groundSpeed() == null || !speed.contains(p.groundSpeed()))) {
            return false;
        }
        if (!matches(hex, p.hex()) || !matches(callsign, p.flight()) || !matches(registration, p.registration())) {
            return false;
        }
        return distance == null
                || GeoMath.distanceNm(distance.lat(), distance.lon(), p.lat(), p.lon()) <= distance.maxNm();
    }

    private static boolean matches(Pattern pattern, String value) {
        return pattern == null || value != null && pattern.matcher(value.strip()).matches();
    }
}

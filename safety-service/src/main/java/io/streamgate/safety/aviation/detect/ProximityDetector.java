package io.streamgate.safety.aviation.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.geo.ClosestApproach;
import io.streamgate.safety.aviation.geo.Kinematics;
import io.streamgate.safety.aviation.geo.RelativeMotion;
import io.streamgate.safety.aviation.geo.SeparationForecast;
import io.streamgate.safety.aviation.tcas.Advisory;
import io.streamgate.safety.aviation.tcas.SensitivityLevel;
import io.streamgate.safety.aviation.tcas.TcasLogic;

/**
 * Conflicts between two aircraft: TCAS II-like traffic and resolution advisories, and STCA-like
 * separation conflicts. Each position of an aircraft assesses it against the aircraft the spatial index
 * puts near it, and against every aircraft it already has a pair state with (so a pair that drifts apart
 * is still assessed, and ends). A pair state exists only while a condition is pending, open or cooling
 * down; the three conditions are confirmed and released independently.
 */
final class ProximityDetector {

    /** The largest TCAS DMOD and time threshold, which bound how far a TCAS check can reach. */
    private static final double MAX_DMOD = 1.30;
    private static final double MAX_TCAS_TAU = 48;
    private static final double MAX_ZTHR = 1200;

    private final AviationSafetyConfig config;
    private final Filters filters;
    private final EpisodeLog log;
    private final TcasLogic tcas;
    private final double lookAhead;
    private final double lateralMinimum;
    private final double verticalTest;
    private final double formationSpeed;
    private final double levelFlightRate;
    /** Longest horizon of any test: the STCA look-ahead, or TCAS's largest time threshold. */
    private final double reachSeconds;
    /** Largest horizontal zone of any test: STCA's lateral minimum or TCAS's largest DMOD. */
    private final double lateralZone;
    /** Largest vertical zone of any test: STCA's vertical test or TCAS's largest ZTHR. */
    private final double verticalZone;
    private final List<TrackedAircraft> candidates = new ArrayList<>();
    private final List<PairTrack> existing = new ArrayList<>();
    private long pass;

    ProximityDetector(AviationSafetyConfig config, Filters filters, EpisodeLog log) {
        this.config = config;
        this.filters = filters;
        this.log = log;
        this.tcas = new TcasLogic(config.proximity().tcasMissDistanceFilter());
        this.lookAhead = config.proximity().lookAhead().toMillis() / 1000.0;
        this.lateralMinimum = config.proximity().lateralMinimum();
        this.verticalTest = config.proximity().verticalMinimum() - config.proximity().verticalMargin();
        this.formationSpeed = config.proximity().formationRelativeSpeed();
        this.levelFlightRate = config.proximity().levelFlightRate();
        boolean stca = config.proximity().stcaEnabled();
        this.reachSeconds = stca ? Math.max(lookAhead, MAX_TCAS_TAU) : MAX_TCAS_TAU;
        this.lateralZone = stca ? Math.max(lateralMinimum, MAX_DMOD) : MAX_DMOD;
        this.verticalZone = stca ? Math.max(verticalTest, MAX_ZTHR) : MAX_ZTHR;
    }

    /**
     * How far apart two aircraft can be and still raise something: the largest zone (STCA's lateral
     * minimum, TCAS's DMOD) plus what the fastest planned closure covers in the longest look-ahead and the
     * staleness window (a candidate's fix may be that old). Never below the ghost radius.
     */
    static double searchRadius(AviationSafetyConfig config) {
        AviationSafetyConfig.Proximity p = config.proximity();
        double stale = config.staleAfter().toMillis() / 1000.0;
        double reach = MAX_DMOD + p.maxClosingSpeed() * (MAX_TCAS_TAU + stale) / 3600.0;
        if (p.stcaEnabled()) {
            double lookAhead = p.lookAhead().toMillis() / 1000.0;
            reach = Math.max(reach, p.lateralMinimum() + p.maxClosingSpeed() * (lookAhead + stale) / 3600.0);
        }
        return Math.max(reach, config.ghost().radius());
    }

    /** The vertical counterpart of {@link #searchRadius}, ft. */
    static double bandHeight(AviationSafetyConfig config) {
        AviationSafetyConfig.Proximity p = config.proximity();
        double stale = config.staleAfter().toMillis() / 1000.0;
        double reach = MAX_ZTHR + p.maxVerticalClosingRate() * (MAX_TCAS_TAU + stale) / 60.0;
        if (p.stcaEnabled()) {
            double lookAhead = p.lookAhead().toMillis() / 1000.0;
            reach = Math.max(reach, p.verticalMinimum() + p.maxVerticalClosingRate() * (lookAhead + stale) / 60.0);
        }
        return Math.max(reach, config.ghost().altitude());
    }

    void evaluate(Airspace airspace, TrackedAircraft a, Instant now, List<Emission> out) {
        if (!config.proximity().tcasEnabled() && !config.proximity().stcaEnabled()) {
            return;
        }
        long current = ++pass;
        boolean eligible = filters.pairEligible(a, now);
        if (eligible) {
            candidates.clear();
            airspace.grid.forEachNear(a.kinematics.lat(), a.kinematics.lon(), a.kinematics.altitude(),
                    candidates::add);
            for (int i = 0; i < candidates.size(); i++) {
                TrackedAircraft b = candidates.get(i);
                if (b == a) {
                    continue;
                }
                PairTrack pair = a.pairs.get(b);
                if (!reportedHere(a, b)) {
                    if (pair != null) {
                        handOver(pair, now, out);
                    }
                    continue;
                }
                if (pair == null && !plausible(a, b, now)) {
                    continue;
                }
                PairAssessment assessment = filters.pairEligible(a, b, now) ? assess(a, b) : null;
                if (pair == null) {
                    if (assessment == null || !assessment.anyHit()) {
                        continue;
                    }
                    pair = link(a, b);
                }
                pair.pass = current;
                record(airspace.tenant, pair, assessment, out);
            }
        }
        if (!a.pairs.isEmpty()) {
            existing.clear();
            existing.addAll(a.pairs.values());
            for (PairTrack pair : existing) {
                if (pair.pass == current) {
                    continue;
                }
                pair.pass = current;
                TrackedAircraft b = pair.other(a);
                if (!reportedHere(a, b)) {
                    handOver(pair, now, out);
                    continue;
                }
                record(airspace.tenant, pair, eligible && filters.pairEligible(a, b, now) ? assess(a, b) : null, out);
            }
        }
    }

    /** Ends every open episode of the pair, e.g. when one of them timed out, went stale or moved away. */
    void close(PairTrack pair, Instant at, String reason, List<Emission> out) {
        PairAssessment last = pair.latest != null ? pair.latest : pair.lastHit;
        closeOne(pair, pair.trafficAdvisory, at, reason, last, out);
        closeOne(pair, pair.resolutionAdvisory, at, reason, last, out);
        closeOne(pair, pair.conflict, at, reason, last, out);
    }

    /**
     * A pair belongs to the home sector of its lower hex (every aircraft is home outside sector mode), so that
     * of all the sectors that see both aircraft exactly one reports it.
     */
    private static boolean reportedHere(TrackedAircraft a, TrackedAircraft b) {
        return (a.hex.compareTo(b.hex) < 0 ? a : b).home;
    }

    /** The lower hex left this sector: its home sector reports the pair from now on. */
    private void handOver(PairTrack pair, Instant now, List<Emission> out) {
        close(pair, now, "handover", out);
        unlink(pair);
    }

    static void unlink(PairTrack pair) {
        pair.first.pairs.remove(pair.second);
        pair.second.pairs.remove(pair.first);
    }

    /**
     * Cheap tests before the full assessment: the candidate qualifies, and with these two aircraft's own
     * speeds and vertical rates no test could pass within the horizon (a pair at different levels, both
     * level, never can). Bounds, not predictions: a pair that passes still gets the full assessment.
     */
    boolean plausible(TrackedAircraft a, TrackedAircraft b, Instant now) {
        if (!filters.pairEligible(b, now)) {
            return false;
        }
        Kinematics ka = a.kinematics;
        Kinematics kb = b.kinematics;
        double skew = Math.abs(a.time.toEpochMilli() - b.time.toEpochMilli()) / 1000.0;
        double verticalClosing = (level(ka.verticalRate()) + level(kb.verticalRate())) / 60.0 * reachSeconds
                + (Math.abs(ka.verticalRate()) + Math.abs(kb.verticalRate())) / 60.0 * skew;
        if (Math.abs(ka.altitude() - kb.altitude()) - verticalClosing > verticalZone) {
            return false;
        }
        double dy = (kb.lat() - ka.lat()) * GeoMath.NM_PER_DEGREE;
        double dx = GeoMath.lonDelta(ka.lon(), kb.lon()) * GeoMath.NM_PER_DEGREE
                * Math.cos(Math.toRadians((ka.lat() + kb.lat()) / 2));
        double reach = lateralZone + (ka.groundSpeed() + kb.groundSpeed()) / 3600.0 * (reachSeconds + skew);
        // The flat-earth distance is within a fraction of a percent at these ranges; stay above it.
        reach = reach * 1.01;
        return dx * dx + dy * dy <= reach * reach;
    }

    private double level(double rate) {
        return Math.abs(rate) <= levelFlightRate ? 0 : Math.abs(rate);
    }

    PairAssessment assess(TrackedAircraft a, TrackedAircraft b) {
        boolean ordered = a.hex.compareTo(b.hex) < 0;
        TrackedAircraft firstAircraft = ordered ? a : b;
        TrackedAircraft secondAircraft = ordered ? b : a;
        Instant at = a.time.isAfter(b.time) ? a.time : b.time;
        Kinematics first = firstAircraft.kinematics.at(at);
        Kinematics second = secondAircraft.kinematics.at(at);
        RelativeMotion motion = RelativeMotion.between(first, second, levelFlightRate);
        ClosestApproach cpa = ClosestApproach.of(motion, lookAhead);
        SensitivityLevel level = SensitivityLevel.forAltitude(first.altitude());
        if (motion.relativeSpeedKt() < formationSpeed) {
            return new PairAssessment(at, first, second, motion, cpa, level, Advisory.NONE, null, false, true);
        }
        Advisory advisory = Advisory.NONE;
        if (config.proximity().tcasEnabled()) {
            advisory = tcas.advisory(motion, level);
            SensitivityLevel otherLevel = SensitivityLevel.forAltitude(second.altitude());
            if (otherLevel != level) {
                Advisory other = tcas.advisory(motion, otherLevel);
                if (other.compareTo(advisory) > 0) {
                    advisory = other;
                    level = otherLevel;
                }
            }
        }
        SeparationForecast.Loss loss = null;
        boolean conflict = false;
        if (config.proximity().stcaEnabled()) {
            loss = SeparationForecast.lossWithin(motion, lateralMinimum, verticalTest, lookAhead).orElse(null);
            conflict = loss != null && (motion.closingHorizontally() || motion.closingVertically());
        }
        return new PairAssessment(at, first, second, motion, cpa, level, advisory, loss, conflict, false);
    }

    private PairTrack link(TrackedAircraft a, TrackedAircraft b) {
        AviationSafetyConfig.Confirmation c = config.confirmation();
        Duration cooldown = config.proximity().cooldown();
        PairTrack pair = new PairTrack(a, b, new Confirmation(c.hits(), c.window(), c.clearCount(), cooldown),
                new Confirmation(c.hits(), c.window(), c.clearCount(), cooldown),
                new Confirmation(c.hits(), c.window(), c.clearCount(), cooldown));
        a.pairs.put(b, pair);
        b.pairs.put(a, pair);
        return pair;
    }

    private void record(String tenant, PairTrack pair, PairAssessment assessment, List<Emission> out) {
        Instant at = assessment != null ? assessment.time()
                : pair.first.time.isAfter(pair.second.time) ? pair.first.time : pair.second.time;
        pair.latest = assessment;
        boolean ta = assessment != null && assessment.advisory().compareTo(Advisory.TA) >= 0;
        boolean ra = assessment != null && assessment.advisory() == Advisory.RA;
        boolean conflict = assessment != null && assessment.conflict();
        if (ta || conflict) {
            pair.lastHit = assessment;
        }
        step(tenant, pair, pair.trafficAdvisory, SafetyEvent.TYPE_TCAS_TA, SafetyEvent.MEDIUM, ta, assessment, at,
                out);
        step(tenant, pair, pair.resolutionAdvisory, SafetyEvent.TYPE_TCAS_RA, SafetyEvent.HIGH, ra, assessment, at,
                out);
        String conflictSeverity = conflict && assessment.separationLost() ? SafetyEvent.HIGH : SafetyEvent.MEDIUM;
        step(tenant, pair, pair.conflict, SafetyEvent.TYPE_PROXIMITY_CONFLICT, conflictSeverity, conflict, assessment,
                at, out);
        if (pair.idle(at)) {
            unlink(pair);
        }
    }

    private void step(String tenant, PairTrack pair, Confirmation state, String type, String severity, boolean hit,
            PairAssessment assessment, Instant at, List<Emission> out) {
        switch (state.record(hit, at)) {
            case RAISE -> {
                Episode episode = log.open(tenant, type, severity, pair.first.hex, pair.second.hex, state.firstHit());
                episode.callsigns(pair.first.callsign(), pair.second.callsign());
                episode.seen(at);
                state.opened(episode);
                if (log.wasAdopted(episode)) {
                    // Announced by the sector's previous owner: it goes on, and says so only if it got worse.
                    if (episode.escalate(severity)) {
                        out.add(episode.emit(at, PairMessages.raised(type, episode, assessment, config),
                                PairMessages.details(type, assessment, config).map(), true));
                    }
                    return;
                }
                out.add(episode.emit(at, PairMessages.raised(type, episode, assessment, config),
                        PairMessages.details(type, assessment, config).map(), true));
            }
            case HOLD -> {
                Episode episode = state.episode();
                episode.seen(at);
                episode.callsigns(pair.first.callsign(), pair.second.callsign());
                if (episode.escalate(severity)) {
                    out.add(episode.emit(at, PairMessages.raised(type, episode, assessment, config),
                            PairMessages.details(type, assessment, config).map(), true));
                }
            }
            case EXPIRE -> closeOne(pair, state, at, assessment == null ? "lost" : "separated",
                    assessment != null ? assessment : pair.lastHit, out);
            default -> {
                // QUIET, SUPPRESSED: nothing to publish.
            }
        }
    }

    private void closeOne(PairTrack pair, Confirmation state, Instant at, String reason, PairAssessment last,
            List<Emission> out) {
        if (!state.isOpen()) {
            return;
        }
        Episode episode = state.closed(at);
        Details details = last == null ? new Details() : PairMessages.details(episode.type(), last, config);
        log.close(episode, at, PairMessages.ended(episode.type()), details, reason, out);
    }
}

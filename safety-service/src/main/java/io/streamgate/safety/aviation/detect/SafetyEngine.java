package io.streamgate.safety.aviation.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;

/**
 * The aircraft safety detectors behind one small API, with no I/O and no clock of its own: the caller
 * says what time it is. The service passes the wall clock; a replay passes the recording's time, so the
 * same engine runs live and over recorded traffic. Not thread-safe: one thread owns it.
 *
 * <p>Per tenant it keeps each aircraft's latest fix in a spatial index, and hands every position to the
 * emergency, low-altitude, vertical-rate and proximity detectors. It returns the records to publish: an
 * episode opening ({@code active: true}), changing severity, and ending ({@code active: false}).
 *
 * <p>The service splits the detectors in two, as they scale differently: {@link #perAircraft} (emergencies, low
 * altitude, vertical rate) follows the aircraft's partition, {@link #pairs} runs per sector, where a pair's two
 * aircraft meet whichever partitions their positions came from. A replay or benchmark runs them all in one.
 */
public final class SafetyEngine {

    private final AviationSafetyConfig config;
    private final Filters filters;
    private final EpisodeLog log = new EpisodeLog();
    private final EmergencyDetector emergency;
    private final LowAltitudeDetector lowAltitude;
    private final VerticalRateDetector verticalRate;
    private final ProximityDetector proximity;
    private final Map<String, Airspace> tenants = new HashMap<>();
    private final double radius;
    private final double bandHeight;
    private final long staleAfterMillis;
    private final long timeoutMillis;

    private final boolean perAircraftDetectors;
    private final boolean pairDetectors;

    /** Every detector, over every aircraft it is given: a replay, a benchmark, a single process. */
    public SafetyEngine(AviationSafetyConfig config) {
        this(config, true, true);
    }

    /** Emergencies, low altitude and vertical rate: what one aircraft's positions alone decide. */
    public static SafetyEngine perAircraft(AviationSafetyConfig config) {
        return new SafetyEngine(config, true, false);
    }

    /** Traffic and resolution advisories and proximity conflicts of one sector: see {@link #onPosition}. */
    public static SafetyEngine pairs(AviationSafetyConfig config) {
        return new SafetyEngine(config, false, true);
    }

    private SafetyEngine(AviationSafetyConfig config, boolean perAircraftDetectors, boolean pairDetectors) {
        this.perAircraftDetectors = perAircraftDetectors;
        this.pairDetectors = pairDetectors;
        this.config = config;
        this.filters = new Filters(config);
        this.emergency = new EmergencyDetector(config, log);
        this.lowAltitude = new LowAltitudeDetector(config, filters, log);
        this.verticalRate = new VerticalRateDetector(config, filters, log);
        this.proximity = new ProximityDetector(config, filters, log);
        this.radius = ProximityDetector.searchRadius(config);
        this.bandHeight = ProximityDetector.bandHeight(config);
        this.staleAfterMillis = config.staleAfter().toMillis();
        this.timeoutMillis = config.aircraftTimeout().toMillis();
    }

    /**
     * Takes one position of one tenant's aircraft. A fix that is not newer than the aircraft's latest (a
     * duplicate, or one overtaken by a newer one) changes nothing.
     *
     * @param partition the Kafka partition it came from (any number when there is none)
     * @param now       the engine's clock: positions older than {@code stale-after} by it are stale
     */
    public List<Emission> onPosition(String tenant, AircraftPosition position, int partition, Instant now) {
        return onPosition(tenant, position, partition, true, now);
    }

    /**
     * As {@link #onPosition(String, AircraftPosition, int, Instant)}, for a sector that sees the aircraft either
     * at home or because it is within reach of the sector's own aircraft: a pair is reported only where its lower
     * hex is at home, and a pair whose lower hex left ends here ({@code handover}).
     */
    public List<Emission> onPosition(String tenant, AircraftPosition position, int partition, boolean home,
            Instant now) {
        Airspace airspace = tenants.computeIfAbsent(tenant, t -> new Airspace(t, radius, bandHeight));
        TrackedAircraft a = airspace.aircraft.get(position.hex());
        if (a == null) {
            a = new TrackedAircraft(position.hex(), aircraftConfirmation(config.lowAltitude().cooldown()),
                    aircraftConfirmation(config.verticalRate().cooldown()));
            airspace.aircraft.put(position.hex(), a);
        }
        if (!a.update(position, position.timestamp() != null ? position.timestamp() : now, partition)) {
            return List.of();
        }
        a.home = home;
        airspace.place(a);
        a.ghost = filters.shadowsRealAircraft(airspace, a, now);
        List<Emission> out = new ArrayList<>(0);
        if (perAircraftDetectors) {
            emergency.evaluate(tenant, a, now, out);
            lowAltitude.evaluate(tenant, a, now, out);
            verticalRate.evaluate(tenant, a, now, out);
        }
        if (pairDetectors) {
            proximity.evaluate(airspace, a, now, out);
        }
        return out;
    }

    /**
     * Ends what silence ended: aircraft without a fix for {@code aircraft-timeout} are forgotten with all
     * their episodes ({@code timeout}); aircraft whose latest fix is stale end their low-altitude,
     * vertical-rate and pair episodes ({@code stale}) but keep an emergency. Call it every
     * {@code sweep-interval}.
     */
    public List<Emission> sweep(Instant now) {
        List<Emission> out = new ArrayList<>(0);
        long nowMillis = now.toEpochMilli();
        for (Iterator<Airspace> tenantsLeft = tenants.values().iterator(); tenantsLeft.hasNext();) {
            Airspace airspace = tenantsLeft.next();
            for (TrackedAircraft a : new ArrayList<>(airspace.aircraft.values())) {
                long age = nowMillis - a.time.toEpochMilli();
                if (age > timeoutMillis) {
                    forget(airspace, a, now, "timeout", out);
                    continue;
                }
                if (age > staleAfterMillis || a.position.stale()) {
                    lowAltitude.close(a, now, "stale", out);
                    verticalRate.close(a, now, "stale", out);
                    for (PairTrack pair : new ArrayList<>(a.pairs.values())) {
                        proximity.close(pair, now, "stale", out);
                    }
                }
                for (PairTrack pair : new ArrayList<>(a.pairs.values())) {
                    if (pair.idle(now)) {
                        ProximityDetector.unlink(pair);
                    }
                }
            }
            if (airspace.aircraft.isEmpty()) {
                tenantsLeft.remove();
            }
        }
        return out;
    }

    /**
     * Forgets the aircraft whose positions came from the given partitions and ends their episodes
     * ({@code handover}): after a rebalance another replica reads them, and an episode only its old owner
     * knew would otherwise stay open forever.
     */
    public List<Emission> release(IntPredicate partitions, Instant now) {
        List<Emission> out = new ArrayList<>(0);
        for (Iterator<Airspace> tenantsLeft = tenants.values().iterator(); tenantsLeft.hasNext();) {
            Airspace airspace = tenantsLeft.next();
            for (TrackedAircraft a : new ArrayList<>(airspace.aircraft.values())) {
                if (partitions.test(a.partition)) {
                    forget(airspace, a, now, "handover", out);
                }
            }
            if (airspace.aircraft.isEmpty()) {
                tenantsLeft.remove();
            }
        }
        return out;
    }

    /**
     * Takes over a pair episode that another owner published as open (its latest record): the first
     * confirmation of the same pair and type continues it under its id; unconfirmed, {@link #endUnadopted} ends
     * it.
     *
     * @param revision the revision of that record
     * @param since    when it was taken over
     */
    public void inherit(String tenant, SafetyEvent latest, int revision, Instant since) {
        Map<String, Object> details = latest.details() == null ? Map.of() : latest.details();
        log.inherit(Episode.resume(tenant, latest, revision), since, PairMessages.ended(latest.eventType()), details);
    }

    /** Ends the inherited episodes not confirmed again since before {@code before} ({@code handover}). */
    public List<Emission> endUnadopted(Instant before, Instant now) {
        List<Emission> out = new ArrayList<>(0);
        log.endInherited(before, now, out);
        return out;
    }

    /** Aircraft tracked over all tenants. */
    public int trackedAircraft() {
        int count = 0;
        for (Airspace airspace : tenants.values()) {
            count += airspace.aircraft.size();
        }
        return count;
    }

    /** Episodes open now (published with {@code active: true} and not yet ended). */
    public int openEpisodes() {
        return log.openEpisodes();
    }

    /** Horizontal reach of a pair check: the spatial index's cell size, nm. */
    public double searchRadius() {
        return radius;
    }

    /** Vertical reach of a pair check: the index's altitude band, ft. */
    public double bandHeight() {
        return bandHeight;
    }

    private void forget(Airspace airspace, TrackedAircraft a, Instant now, String reason, List<Emission> out) {
        emergency.close(a, now, reason, out);
        lowAltitude.close(a, now, reason, out);
        verticalRate.close(a, now, reason, out);
        for (PairTrack pair : new ArrayList<>(a.pairs.values())) {
            proximity.close(pair, now, reason, out);
            ProximityDetector.unlink(pair);
        }
        airspace.remove(a);
    }

    private Confirmation aircraftConfirmation(Duration cooldown) {
        AviationSafetyConfig.Confirmation c = config.confirmation();
        return new Confirmation(c.hits(), c.window(), c.clearCount(), cooldown);
    }
}

package io.streamgate.safety.aviation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.safety.consumer.ConsumerSettings;

/**
 * Every threshold, window and cooldown of the aircraft safety detectors, and how the service reads
 * {@code aircraft.positions} and writes {@code safety.events}. Distances are nautical miles, altitudes
 * feet (pressure altitude, {@code alt_baro}), speeds knots, vertical rates feet per minute.
 */
@ConfigMapping(prefix = "streamgate.safety.aviation")
public interface AviationSafetyConfig {

    /**
     * A position older than this (service clock minus the fix time), or one ingest marked {@code stale},
     * drives no proximity, low-altitude or vertical-rate check: receivers keep listing lost aircraft for
     * minutes, and a conflict computed from an old fix is a false alarm.
     */
    @WithDefault("15s")
    Duration staleAfter();

    /** An aircraft without a new fix for this long is forgotten and its open episodes end ({@code timeout}). */
    @WithDefault("60s")
    Duration aircraftTimeout();

    /** How often open episodes are checked for silence and staleness. */
    @WithDefault("1s")
    Duration sweepInterval();

    /**
     * Targets slower than this (hovering helicopters, balloons, ground vehicles with a bogus altitude) take
     * part in no proximity or low-altitude check.
     */
    @WithDefault("40")
    double minGroundSpeed();

    Ghost ghost();

    Confirmation confirmation();

    Emergency emergency();

    Proximity proximity();

    LowAltitude lowAltitude();

    VerticalRate verticalRate();

    Consumer consumer();

    Producer producer();

    Pairs pairs();

    Acas acas();

    /** TCAS resolution advisories the aircraft reported themselves ({@code aircraft.acas}, from raw Mode S). */
    interface Acas {

        /**
         * A reported RA whose aircraft says nothing more for this long has ended ({@code end_reason: silence}); an
         * RA lasts seconds and is reported about once a second while it is active.
         */
        @WithDefault("10s")
        Duration silence();
    }

    /**
     * A {@code ~} (non-ICAO: TIS-B, ADS-R) target this close to a real aircraft is that aircraft's
     * rebroadcast, not a second aircraft: every detector ignores it while it shadows one.
     */
    interface Ghost {

        @WithDefault("0.15")
        double radius();

        @WithDefault("125")
        double altitude();
    }

    /**
     * M-of-N confirmation and release, shared by the proximity, low-altitude and vertical-rate detectors:
     * one noisy fix neither raises nor ends an episode.
     */
    interface Confirmation {

        /** Evaluations that must find the condition among the last {@link #window()} before an episode opens. */
        @WithDefault("2")
        int hits();

        /** The N of M-of-N, at most 31. */
        @WithDefault("3")
        int window();

        /** Consecutive evaluations without the condition that end an open episode. */
        @WithDefault("3")
        int clearCount();
    }

    /** Emergency squawks (7500, 7600, 7700) and ADS-B emergency states open an episode at once, no cooldown. */
    interface Emergency {

        /**
         * Consecutive positions that report another squawk and no emergency before the episode ends; a
         * position that reports neither squawk nor emergency (an SBS message without them) says nothing.
         */
        @WithDefault("2")
        int clearCount();
    }

    /** Conflicts between two aircraft: TCAS II-like advisories and STCA-like separation conflicts. */
    interface Proximity {

        /** TCAS II-like traffic and resolution advisories from the sensitivity-level table. */
        @WithDefault("true")
        boolean tcasEnabled();

        /**
         * Also require the horizontal miss distance at closest approach to be within DMOD, as TCAS II
         * version 7 does: without it, traffic passing head-on a few miles abeam raises advisories.
         */
        @WithDefault("true")
        boolean tcasMissDistanceFilter();

        /** STCA-like conflicts: predicted loss of the protected zone within {@link #lookAhead()}. */
        @WithDefault("true")
        boolean stcaEnabled();

        /** How far ahead a loss of separation is predicted. */
        @WithDefault("120s")
        Duration lookAhead();

        /**
         * A pair is assessed only from fixes at most this far apart in time. Each fix is extrapolated to the
         * other's time with its own velocity, which holds for a few seconds; an aircraft that went silent a
         * while ago (out of coverage, landed, a replay that compresses time) would otherwise be extrapolated
         * along a straight line into a conflict no one is in. ADS-B positions arrive about twice a second and
         * a receiver's {@code aircraft.json} once a second, so 5 s allows for several missed updates.
         */
        @WithDefault("5s")
        Duration maxFixSkew();

        /** Radius of the protected zone. */
        @WithDefault("5")
        double lateralMinimum();

        /** Half-height of the protected zone. */
        @WithDefault("1000")
        double verticalMinimum();

        /**
         * Subtracted from {@link #verticalMinimum()} for the conflict test: altitudes are reported in 25 ft
         * steps and aircraft at adjacent RVSM levels report 950–975 ft apart.
         */
        @WithDefault("100")
        double verticalMargin();

        /**
         * Vertical rates up to this are taken as level flight when predicting vertical separation: ADS-B
         * reports rates in 64 ft/min steps and level aircraft show ±64–192 ft/min, which over the look-ahead
         * would bring two aircraft at adjacent levels (1000 ft apart) inside the margin.
         */
        @WithDefault("300")
        double levelFlightRate();

        /**
         * Pairs moving at less than this relative speed are formations (or station keeping) and take
         * part in no pair check.
         */
        @WithDefault("30")
        double formationRelativeSpeed();

        /**
         * Fastest horizontal closing speed planned for: it sizes the spatial index cells (lateral minimum plus
         * the distance this speed covers in the look-ahead and the staleness window). Faster pairs are still
         * found, only later.
         */
        @WithDefault("1000")
        double maxClosingSpeed();

        /** Fastest vertical closing rate planned for; it sizes the altitude bands like {@link #maxClosingSpeed()}. */
        @WithDefault("6000")
        double maxVerticalClosingRate();

        /** After a pair's episode ends, the same pair raises no new episode of that type for this long. */
        @WithDefault("60s")
        Duration cooldown();
    }

    /**
     * Airborne aircraft below a pressure altitude. Airports are not known to the service, so arrivals and
     * departures below the threshold raise it too; the severity is {@code low} for that reason.
     */
    interface LowAltitude {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        double threshold();

        /** An open episode ends only above threshold plus this: an aircraft at the line does not flicker. */
        @WithDefault("100")
        double hysteresis();

        @WithDefault("300s")
        Duration cooldown();
    }

    /** Airborne aircraft climbing or descending faster than a threshold ({@code baro_rate}, else {@code geom_rate}). */
    interface VerticalRate {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("6000")
        double threshold();

        /** An open episode ends only below threshold minus this. */
        @WithDefault("1000")
        double hysteresis();

        @WithDefault("300s")
        Duration cooldown();
    }

    /**
     * The consumer group that reads {@code aircraft.positions}. Safety is about now: a new group starts at
     * {@code latest}, which avoids raising old episodes (stale positions raise nothing anyway, but emergencies
     * would).
     */
    interface Consumer extends ConsumerSettings {

        /** Replicas share this group: each aircraft's positions reach exactly one replica. */
        @Override
        @WithDefault("safety-service-aviation")
        String groupId();
    }

    /** The idempotent, {@code acks=all} producer of {@code safety.events}. */
    interface Producer {

        @WithDefault("5ms")
        Duration linger();

        /** How long a record may take to be acknowledged before the batch fails and is read again. */
        @WithDefault("30s")
        Duration deliveryTimeout();
    }

    /**
     * Pair detection across replicas (Kafka Streams). Positions are re-keyed by tenant and sector onto a
     * repartition topic, each copied to its home sector and to every sector within a pair check's reach of it,
     * so the replica owning a sector sees every aircraft a pair with one of its own aircraft can involve; a pair
     * is reported only by the home sector of its lower hex. Open pair episodes are kept in a changelogged store,
     * so the replica that takes a sector over continues them under the same ids.
     */
    interface Pairs {

        /**
         * A sector's side in pair-check reaches (the reach is {@code 5 nm} plus what the fastest closure covers in
         * the look-ahead and staleness window, about 42.5 nm by default). Bigger sectors copy fewer positions to
         * neighbours (about (1 + 2/k)² copies per position) but spread a busy area over fewer replicas.
         */
        @WithDefault("4")
        int sectorReaches();

        /** Partitions of the repartition topic: at most this many replicas share the pair detection. */
        @WithDefault("12")
        int partitions();

        /**
         * An episode left open by the previous owner of a sector (a rebalance, a crash) is continued when the new
         * owner confirms its condition within this time, under the same id; otherwise it is ended
         * ({@code handover}).
         */
        @WithDefault("10s")
        Duration adoptWithin();

        /** Where a new application starts reading {@code aircraft.positions}: {@code latest}, as the consumer does. */
        @WithDefault("latest")
        String autoOffsetReset();
    }
}

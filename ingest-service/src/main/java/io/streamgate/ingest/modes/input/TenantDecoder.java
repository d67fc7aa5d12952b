package io.streamgate.ingest.modes.input;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.modes.AircraftTracker;
import io.streamgate.ingest.modes.AircraftTracker.Fix;
import io.streamgate.ingest.modes.DecodeResult;
import io.streamgate.ingest.modes.IcaoFilter;
import io.streamgate.ingest.modes.ModeSDecoder;
import io.streamgate.ingest.modes.ModeSFrame;
import io.streamgate.ingest.modes.TrackedAircraft;
import io.streamgate.ingest.modes.TrackerSettings;

/**
 * The decoding of one tenant: every receiver of the tenant feeds it, so one transmission heard by
 * several receivers is de-duplicated, and one ICAO filter and one set of tracks serve them all. Positions
 * go out at most once per aircraft per {@code min-position-interval}; ACAS advisories when they change
 * (or unchanged every 10 s). Receivers' connections call it from several event loops, hence the lock;
 * the work per frame is short and allocation-free until a record is published.
 */
final class TenantDecoder {

    /** An unchanged advisory is published again after this: the register keeps it for 18 s after the RA. */
    private static final long ADVISORY_REPEAT_MILLIS = 10_000;

    private final String tenant;
    private final FrameDeduplicator deduplicator;
    private final ModeSDecoder decoder;
    private final ModeSFrame frame = new ModeSFrame();
    private final AircraftTracker tracker;
    private final RawOutbox outbox;
    private final long minIntervalMillis;
    private final Map<DecodeResult, Counter> results = new EnumMap<>(DecodeResult.class);
    private final Map<Fix, Counter> fixes = new EnumMap<>(Fix.class);
    private final Counter duplicates;
    private final Counter modeAc;
    private final Counter advisories;

    TenantDecoder(String tenant, RawConfig config, RawOutbox outbox, MeterRegistry registry) {
        this.tenant = tenant;
        this.outbox = outbox;
        this.deduplicator = new FrameDeduplicator(config.dedupWindow().toMillis());
        this.decoder = new ModeSDecoder(new IcaoFilter(config.icaoFilterExpiry().toMillis()),
                config.correctSingleBit());
        TrackerSettings defaults = TrackerSettings.defaults();
        this.tracker = new AircraftTracker(new TrackerSettings(defaults.airbornePairMillis(),
                defaults.surfacePairMillis(), defaults.localReferenceMillis(), config.maxRangeNm(),
                config.maxSpeedKt(), defaults.maxSurfaceSpeedKt(), defaults.maxVelocityChangeKt(),
                config.aircraftTimeout().toMillis()));
        this.minIntervalMillis = config.minPositionInterval().toMillis();
        for (DecodeResult result : DecodeResult.values()) {
            results.put(result, Counter.builder("streamgate.ingest.raw.frames")
                    .description("Mode S frames decoded from raw feeds, by result").tag("tenant", tenant)
                    .tag("result", result.name().toLowerCase()).register(registry));
        }
        for (Fix fix : Fix.values()) {
            if (fix != Fix.NONE) {
                fixes.put(fix, Counter.builder("streamgate.ingest.raw.positions")
                        .description("CPR position messages, by what became of them").tag("tenant", tenant)
                        .tag("result", fix.name().toLowerCase()).register(registry));
            }
        }
        this.duplicates = Counter.builder("streamgate.ingest.raw.frames.duplicate")
                .description("Frames dropped as heard already by another receiver of the tenant").tag("tenant", tenant)
                .register(registry);
        this.modeAc = Counter.builder("streamgate.ingest.raw.frames.mode-ac")
                .description("Mode A/C replies (not attributable to an aircraft, not decoded)").tag("tenant", tenant)
                .register(registry);
        this.advisories = Counter.builder("streamgate.ingest.raw.acas.advisories")
                .description("ACAS resolution advisory reports published").tag("tenant", tenant).register(registry);
    }

    String tenant() {
        return tenant;
    }

    synchronized void accept(ReceiverSettings receiver, byte[] payload, int offset, int length, long timestamp12MHz,
            int signal, long nowMillis) {
        if (length == 2) {
            modeAc.increment();
            return;
        }
        if (!deduplicator.firstSighting(payload, offset, length, nowMillis)) {
            duplicates.increment();
            return;
        }
        DecodeResult result = decoder.decode(payload, offset, length, nowMillis, frame);
        results.get(result).increment();
        if (!result.decoded()) {
            return;
        }
        frame.signal = signal;
        frame.timestamp12MHz = timestamp12MHz;
        Fix fix = tracker.update(frame, nowMillis, receiver.lat(), receiver.lon());
        if (fix != Fix.NONE) {
            fixes.get(fix).increment();
        }
        TrackedAircraft aircraft = tracker.last();
        if (fix.fixed() && nowMillis - aircraft.publishedAt >= minIntervalMillis) {
            aircraft.publishedAt = nowMillis;
            outbox.position(tenant, receiver.format().source(), RawRecords.position(aircraft));
        }
        if (frame.raValid) {
            long signature = RawRecords.advisorySignature(frame);
            if (signature != aircraft.advisorySignature
                    || nowMillis - aircraft.advisoryPublishedAt >= ADVISORY_REPEAT_MILLIS) {
                aircraft.advisorySignature = signature;
                aircraft.advisoryPublishedAt = nowMillis;
                advisories.increment();
                outbox.advisory(tenant, receiver.format().source(), RawRecords.advisory(aircraft, frame, nowMillis));
            }
        }
    }
}

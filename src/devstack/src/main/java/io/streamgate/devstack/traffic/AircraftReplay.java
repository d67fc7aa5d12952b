package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Replays a state-vector recording as a receiver would post it: receiver snapshots of about a second
 * of recording time each, played {@code speed} times faster than recorded and looped, every snapshot
 * stamped with the real clock so the aircraft look live. The recording's relative timing is kept: a
 * snapshot plays {@code (its recording time - the first row's) / speed} after the replay started.
 */
public final class AircraftReplay implements TrafficGenerator {

    /**
     * @param speed   recording time per wall-clock time ({@code streamgate.traffic.speed}, default 10: the
     *                17 h Swiss recording loops every 1 h 42 min, a snapshot every second)
     * @param window  recording time one snapshot spans ({@code streamgate.traffic.aircraft.window}, default 1s)
     * @param tick    how often due snapshots are looked for ({@code streamgate.traffic.aircraft.tick},
     *                default 200ms: the timing error a snapshot may have)
     * @param maxLag  a snapshot overdue by more than this is skipped, as a receiver's stale file would be
     *                ({@code streamgate.traffic.aircraft.max-lag}, default 5s)
     */
    public record Settings(double speed, Duration window, Duration tick, Duration maxLag) {

        public static final Settings DEFAULTS = new Settings(10, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(5));

        public Settings {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("streamgate.traffic.speed must be a positive factor");
            }
            Durations.requirePositive(window, "aircraft.window");
            Durations.requirePositive(tick, "aircraft.tick");
            Durations.requirePositive(maxLag, "aircraft.max-lag");
        }

        static Settings read(Settings defaults, SettingsSource s) {
            String p = "streamgate.traffic.aircraft.";
            return new Settings(s.number("streamgate.traffic.speed", defaults.speed()),
                    s.duration(p + "window", defaults.window()), s.duration(p + "tick", defaults.tick()),
                    s.duration(p + "max-lag", defaults.maxLag()));
        }
    }

    private final Settings settings;
    private final String label;
    private final Supplier<StateVectorRecording> recording;
    private final Consumer<String> log;
    private List<AircraftSnapshot> snapshots;
    private ReplayClock clock;
    private int next;
    private long loop;
    private long skipped;
    private boolean unavailable;

    /**
     * @param label     what is replayed, for the launcher's banner
     * @param recording loaded on the first tick, on the traffic thread, so the launcher's banner does not
     *                  wait for 29 MB of JSON
     */
    public AircraftReplay(Settings settings, String label, Supplier<StateVectorRecording> recording,
            Consumer<String> log) {
        this.settings = settings;
        this.label = label;
        this.recording = recording;
        this.log = log;
    }

    @Override
    public String name() {
        return "aircraft";
    }

    @Override
    public Duration interval() {
        return settings.tick();
    }

    @Override
    public String describe() {
        return label + " at " + settings.speed() + "×, looped → " + IngestPost.AIRCRAFT;
    }

    @Override
    public List<IngestPost> tick(Instant now) {
        long nowMillis = now.toEpochMilli();
        if (unavailable) {
            return List.of();
        }
        if (snapshots == null && !start(nowMillis)) {
            return List.of();
        }
        List<IngestPost> due = new ArrayList<>(1);
        while (true) {
            AircraftSnapshot snapshot = snapshots.get(next);
            long at = clock.wallClockOf(loop, snapshot.simulatedNow());
            if (at > nowMillis) {
                return due;
            }
            if (nowMillis - at <= settings.maxLag().toMillis()) {
                due.add(IngestPost.aircraftJson(snapshot.toAircraftJson(nowMillis, settings.speed()), snapshot.size()));
            } else {
                skipped++;
            }
            if (++next == snapshots.size()) {
                next = 0;
                loop++;
            }
        }
    }

    /** Snapshots skipped because they were overdue (the scheduler was held up). */
    public long skipped() {
        return skipped;
    }

    public long loop() {
        return loop;
    }

    private boolean start(long nowMillis) {
        StateVectorRecording rows;
        try {
            rows = recording.get();
        } catch (RuntimeException e) {
            // Loading again on every tick would burn a core on a file that will not get better.
            unavailable = true;
            log.accept("traffic: aircraft: cannot load the recording, no replay: " + e.getMessage());
            return false;
        }
        snapshots = SnapshotGrouper.group(rows.rows(), settings.window(), Integer.MAX_VALUE);
        clock = new ReplayClock(rows.startMillis(), rows.endMillis(), settings.window().toMillis(), settings.speed(),
                nowMillis);
        log.accept(String.format("traffic: aircraft: replaying %,d rows of %,d aircraft (%.1f h) as %,d snapshots at "
                + "%s×; a loop takes %s", rows.rows().size(), rows.rowsPerAircraft().size(),
                (rows.endMillis() - rows.startMillis()) / 3_600_000.0, snapshots.size(), settings.speed(),
                Durations.format(Duration.ofSeconds(Math.round(clock.loopLength() / settings.speed() / 1000)))));
        return true;
    }
}

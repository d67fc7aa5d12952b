package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.streamgate.platform.sensors.SensorReading;

/**
 * A small plant: a few machines, several metrics each. A value is the metric's baseline plus a slow
 * drift (mean-reverting, so it wanders without running away), a load cycle, and noise; now and then a
 * metric spikes past its critical threshold for a few readings. One machine falls silent for a while
 * in every cycle and then reports again, as a machine whose gateway reboots would.
 */
public final class SensorSimulator implements TrafficGenerator {

    /**
     * @param interval          wall-clock time between two readings of each metric
     *                          ({@code streamgate.traffic.sensors.interval}, default 1s)
     * @param spikeProbability  chance that a metric starts a spike at a reading
     *                          ({@code streamgate.traffic.sensors.spike-probability}, default 0.002: with 14
     *                          metrics at 1 s, a spike somewhere every half minute or so)
     * @param spikeReadings     readings a spike lasts ({@code streamgate.traffic.sensors.spike-readings}, default 5)
     * @param silentMachine     the machine that goes silent ({@code streamgate.traffic.sensors.silent-machine},
     *                          default {@code pump-2}; empty for none)
     * @param silenceEvery      the silence cycle ({@code streamgate.traffic.sensors.silence-every}, default 5m);
     *                          the machine is silent for the last {@code silenceDuration} of each cycle
     * @param silenceDuration   how long it stays silent ({@code streamgate.traffic.sensors.silence-duration},
     *                          default 45s)
     */
    public record Settings(Duration interval, double spikeProbability, int spikeReadings, String silentMachine,
            Duration silenceEvery, Duration silenceDuration) {

        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(1), 0.002, 5, "pump-2",
                Duration.ofMinutes(5), Duration.ofSeconds(45));

        public Settings {
            Durations.requirePositive(interval, "sensors.interval");
            Durations.requirePositive(silenceEvery, "sensors.silence-every");
            if (spikeProbability < 0 || spikeProbability > 1) {
                throw new IllegalArgumentException("sensors.spike-probability must be from 0 to 1");
            }
            if (spikeReadings < 1) {
                throw new IllegalArgumentException("sensors.spike-readings must be at least 1");
            }
            if (silenceDuration.isNegative() || silenceDuration.compareTo(silenceEvery) >= 0) {
                throw new IllegalArgumentException("sensors.silence-duration must be shorter than sensors.silence-every");
            }
        }

        static Settings read(Settings defaults, SettingsSource s) {
            String p = "streamgate.traffic.sensors.";
            return new Settings(s.duration(p + "interval", defaults.interval()),
                    s.number(p + "spike-probability", defaults.spikeProbability()),
                    (int) s.integer(p + "spike-readings", defaults.spikeReadings()),
                    s.text(p + "silent-machine", defaults.silentMachine()),
                    s.duration(p + "silence-every", defaults.silenceEvery()),
                    s.duration(p + "silence-duration", defaults.silenceDuration()));
        }
    }

    /**
     * A metric and its limits. The thresholds are the plant's alarm limits (ISO 10816 zones for
     * vibration, vendor limits for the rest); the safety service's threshold rules can take them as
     * their defaults.
     *
     * @param baseline  the normal operating value
     * @param drift     standard deviation of the slow drift around the baseline
     * @param noise     standard deviation of the reading-to-reading noise
     * @param cycle     amplitude of the load cycle (a ten-minute period)
     * @param warning   above this the value is unusual
     * @param critical  above this it needs action; every spike crosses it
     */
    public record Metric(String name, String unit, double baseline, double drift, double noise, double cycle,
            double warning, double critical) {
    }

    public record Machine(String id, List<Metric> metrics) {
    }

    /** The plant. Normal values stay below {@code warning} (baseline + drift + cycle + 3 σ of noise). */
    public static final List<Machine> MACHINES = List.of(
            new Machine("press-7", List.of(
                    new Metric("temperature", "celsius", 62, 2.0, 0.4, 3.0, 80, 90),
                    new Metric("vibration", "mm_per_s", 2.8, 0.3, 0.15, 0.4, 7.1, 11.0),
                    new Metric("pressure", "bar", 180, 4.0, 1.5, 6.0, 210, 230))),
            new Machine("cnc-3", List.of(
                    new Metric("temperature", "celsius", 45, 1.5, 0.3, 2.0, 70, 85),
                    new Metric("vibration", "mm_per_s", 1.8, 0.2, 0.1, 0.3, 4.5, 7.1),
                    new Metric("spindle_current", "ampere", 22, 1.0, 0.5, 2.0, 30, 35))),
            new Machine("pump-2", List.of(
                    new Metric("pressure", "bar", 6.2, 0.2, 0.05, 0.3, 8.0, 9.5),
                    new Metric("temperature", "celsius", 38, 1.5, 0.3, 2.0, 60, 75),
                    new Metric("vibration", "mm_per_s", 2.2, 0.25, 0.1, 0.3, 4.5, 7.1),
                    new Metric("flow_rate", "m3_per_h", 42, 1.5, 0.6, 3.0, 55, 60))),
            new Machine("compressor-1", List.of(
                    new Metric("temperature", "celsius", 75, 2.0, 0.5, 3.0, 95, 105),
                    new Metric("pressure", "bar", 8.5, 0.2, 0.05, 0.3, 10.0, 11.0),
                    new Metric("vibration", "mm_per_s", 3.5, 0.3, 0.15, 0.4, 7.1, 11.0),
                    new Metric("motor_current", "ampere", 48, 2.0, 0.8, 3.0, 62, 70))));

    private static final double CYCLE_SECONDS = 600;
    /** How fast the drift returns to the baseline, per second (a time constant of about five minutes). */
    private static final double DRIFT_REVERSION = 1.0 / 300;

    private final Settings settings;
    private final Random random;
    private final double[][] drift;
    private final double[][] spikeTarget;
    private final int[][] spikeLeft;
    private final double[] phase;
    private Instant start;
    private Instant previous;

    public SensorSimulator(Settings settings, long seed) {
        this.settings = settings;
        this.random = new Random(seed);
        this.drift = new double[MACHINES.size()][];
        this.spikeTarget = new double[MACHINES.size()][];
        this.spikeLeft = new int[MACHINES.size()][];
        this.phase = new double[MACHINES.size()];
        for (int m = 0; m < MACHINES.size(); m++) {
            int metrics = MACHINES.get(m).metrics().size();
            drift[m] = new double[metrics];
            spikeTarget[m] = new double[metrics];
            spikeLeft[m] = new int[metrics];
            phase[m] = random.nextDouble() * 2 * Math.PI;
        }
    }

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public String describe() {
        int metrics = MACHINES.stream().mapToInt(m -> m.metrics().size()).sum();
        return MACHINES.size() + " machines, " + metrics + " metrics every " + Durations.format(settings.interval())
                + (settings.silentMachine().isEmpty() ? "" : "; " + settings.silentMachine() + " goes silent for "
                        + Durations.format(settings.silenceDuration()) + " every "
                        + Durations.format(settings.silenceEvery()))
                + " → " + IngestPost.SENSOR_READINGS;
    }

    @Override
    public List<IngestPost> tick(Instant now) {
        List<SensorReading> readings = readings(now);
        return readings.isEmpty() ? List.of() : List.of(IngestPost.batch(IngestPost.SENSOR_READINGS, "readings", readings));
    }

    /** Every metric of every machine that is not silent at {@code now}, advancing the simulation to it. */
    public List<SensorReading> readings(Instant now) {
        if (start == null) {
            start = now;
            previous = now;
        }
        double dt = Math.max(0, Duration.between(previous, now).toMillis() / 1000.0);
        previous = now;
        double elapsed = Duration.between(start, now).toMillis() / 1000.0;
        List<SensorReading> readings = new ArrayList<>();
        for (int m = 0; m < MACHINES.size(); m++) {
            Machine machine = MACHINES.get(m);
            boolean silent = silent(machine.id(), now);
            for (int k = 0; k < machine.metrics().size(); k++) {
                Metric metric = machine.metrics().get(k);
                // The process goes on while the machine is silent: only its reports stop.
                double value = advance(m, k, metric, dt, elapsed);
                if (!silent) {
                    readings.add(new SensorReading(machine.id(), metric.name(), round(value), metric.unit(), now));
                }
            }
        }
        return readings;
    }

    /** True while {@code machine} is in the silent part of its cycle. */
    public boolean silent(String machine, Instant now) {
        if (start == null || !machine.equals(settings.silentMachine()) || settings.silenceDuration().isZero()) {
            return false;
        }
        long cycle = settings.silenceEvery().toMillis();
        long into = Math.floorMod(Duration.between(start, now).toMillis(), cycle);
        return into >= cycle - settings.silenceDuration().toMillis();
    }

    private double advance(int m, int k, Metric metric, double dt, double elapsed) {
        // Ornstein-Uhlenbeck: pulled back to 0 at DRIFT_REVERSION, stationary deviation metric.drift().
        double reversion = Math.exp(-DRIFT_REVERSION * dt);
        drift[m][k] = drift[m][k] * reversion
                + metric.drift() * Math.sqrt(1 - reversion * reversion) * random.nextGaussian();
        double cycle = metric.cycle() * Math.sin(2 * Math.PI * elapsed / CYCLE_SECONDS + phase[m] + k);
        double value = metric.baseline() + drift[m][k] + cycle + metric.noise() * random.nextGaussian();
        if (spikeLeft[m][k] == 0 && random.nextDouble() < settings.spikeProbability()) {
            spikeLeft[m][k] = settings.spikeReadings();
            spikeTarget[m][k] = metric.critical() * (1.03 + 0.12 * random.nextDouble());
        }
        if (spikeLeft[m][k] > 0) {
            spikeLeft[m][k]--;
            value = spikeTarget[m][k] + metric.noise() * random.nextGaussian();
            value = Math.max(value, metric.critical() * 1.01);
        }
        return value;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

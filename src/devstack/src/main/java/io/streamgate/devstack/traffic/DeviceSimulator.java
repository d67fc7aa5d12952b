package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.geo.GeoMath;

/**
 * Tracked devices around Zurich moving along fixed routes that cross the {@link Geofence#ZURICH}
 * areas: a delivery truck from the Altstetten depot through the main station to the airport's cargo
 * area and back, a courier bike looping through the old town, a service van between Winterthur and
 * Oerlikon by the airport, and a pedestrian's phone walking through the main station. Each report has
 * GPS noise of the device's accuracy, its speed and heading, and a slowly draining battery.
 */
public final class DeviceSimulator implements TrafficGenerator {

    /**
     * @param interval  wall-clock time between two reports of each device
     *                  ({@code streamgate.traffic.devices.interval}, default 2s)
     * @param timeScale how much faster than real time the devices move
     *                  ({@code streamgate.traffic.devices.time-scale}, default 5: the truck's 12 km leg takes
     *                  about three minutes, so a demo sees geofence entries and exits within minutes)
     */
    public record Settings(Duration interval, double timeScale) {

        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(2), 5);

        public Settings {
            Durations.requirePositive(interval, "devices.interval");
            if (!(timeScale > 0)) {
                throw new IllegalArgumentException("devices.time-scale must be positive");
            }
        }

        static Settings read(Settings defaults, SettingsSource s) {
            String p = "streamgate.traffic.devices.";
            return new Settings(s.duration(p + "interval", defaults.interval()),
                    s.number(p + "time-scale", defaults.timeScale()));
        }
    }

    /**
     * A device and its route.
     *
     * @param speed      metres per second while moving
     * @param accuracy   GPS accuracy in metres (the noise's scale)
     * @param pingPong   true to drive the route there and back, false to loop it
     * @param dwell      seconds standing still at each end (ping-pong) or at the start (loop)
     * @param drainPerHour battery fraction used per hour of simulated time
     */
    public record Device(String id, String kind, double speed, double accuracy, boolean pingPong, double dwell,
            double altitude, double drainPerHour, List<double[]> route) {
    }

    public static final List<Device> DEVICES = List.of(
            new Device("truck-12", "truck", 14, 5, true, 60, 420, 0.02, List.of(
                    new double[] {47.3905, 8.4870}, new double[] {47.3853, 8.5172}, new double[] {47.3779, 8.5403},
                    new double[] {47.3774, 8.5438}, new double[] {47.3905, 8.5437}, new double[] {47.4111, 8.5441},
                    new double[] {47.4313, 8.5627}, new double[] {47.4530, 8.5600})),
            new Device("bike-3", "bike", 5, 8, false, 20, 410, 0.05, List.of(
                    new double[] {47.3779, 8.5403}, new double[] {47.3697, 8.5392}, new double[] {47.3667, 8.5450},
                    new double[] {47.3745, 8.5440}, new double[] {47.3763, 8.5477}, new double[] {47.3774, 8.5438},
                    new double[] {47.3779, 8.5403})),
            new Device("van-7", "van", 16, 5, true, 120, 430, 0.02, List.of(
                    new double[] {47.5000, 8.7240}, new double[] {47.4515, 8.5849}, new double[] {47.4504, 8.5617},
                    new double[] {47.4111, 8.5441})),
            new Device("phone-21", "phone", 1.4, 12, true, 90, 408, 0.08, List.of(
                    new double[] {47.3845, 8.5320}, new double[] {47.3779, 8.5403}, new double[] {47.3697, 8.5392})));

    private final Settings settings;
    private final Random random;
    private final List<GeoPath> paths = new ArrayList<>();
    private Instant start;

    public DeviceSimulator(Settings settings, long seed) {
        this.settings = settings;
        this.random = new Random(seed);
        DEVICES.forEach(d -> paths.add(new GeoPath(d.route())));
    }

    @Override
    public String name() {
        return "devices";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public String describe() {
        return DEVICES.size() + " devices around Zurich every " + Durations.format(settings.interval()) + " at "
                + settings.timeScale() + "×, crossing " + Geofence.ZURICH.stream().map(Geofence::id).toList()
                + " → " + IngestPost.DEVICE_LOCATIONS;
    }

    @Override
    public List<IngestPost> tick(Instant now) {
        return List.of(IngestPost.batch(IngestPost.DEVICE_LOCATIONS, "locations", locations(now)));
    }

    /** One report per device at {@code now}. */
    public List<DeviceLocation> locations(Instant now) {
        if (start == null) {
            start = now;
        }
        double simulated = Duration.between(start, now).toMillis() / 1000.0 * settings.timeScale();
        List<DeviceLocation> locations = new ArrayList<>(DEVICES.size());
        for (int i = 0; i < DEVICES.size(); i++) {
            Device device = DEVICES.get(i);
            Motion motion = motion(device, paths.get(i), simulated);
            // GPS error: normal, with the reported accuracy as its 2-sigma radius.
            double northM = random.nextGaussian() * device.accuracy() / 2;
            double eastM = random.nextGaussian() * device.accuracy() / 2;
            double lat = motion.point().lat() + northM / GeoMath.METRES_PER_DEGREE;
            double lon = motion.point().lon() + eastM / (GeoMath.METRES_PER_DEGREE
                    * Math.cos(Math.toRadians(motion.point().lat())));
            double speed = motion.moving() ? Math.max(0, device.speed() * (1 + 0.08 * random.nextGaussian())) : 0;
            double used = device.drainPerHour() * simulated / 3600 % 0.95; // recharged at 5 %
            double battery = 1 - used;
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("kind", device.kind());
            metadata.put("battery", Math.round(battery * 100) / 100.0);
            locations.add(new DeviceLocation(device.id(), round(lat, 6), round(lon, 6), now,
                    round(device.accuracy() * (0.8 + 0.4 * random.nextDouble()), 1), round(speed, 1),
                    motion.moving() ? round(motion.point().bearing(), 1) : null,
                    round(device.altitude() + random.nextGaussian() * 2, 1), metadata));
        }
        return locations;
    }

    /** Where a device is, noise-free, {@code simulated} seconds into the simulation. */
    static Motion motion(Device device, GeoPath path, double simulated) {
        double travel = path.length() / device.speed();
        if (device.pingPong()) {
            double cycle = 2 * travel + 2 * device.dwell();
            double t = simulated % cycle;
            if (t < travel) {
                return new Motion(path.at(t * device.speed(), true), true);
            }
            if (t < travel + device.dwell()) {
                return new Motion(path.at(path.length(), true), false);
            }
            if (t < 2 * travel + device.dwell()) {
                double back = t - travel - device.dwell();
                return new Motion(path.at(path.length() - back * device.speed(), false), true);
            }
            return new Motion(path.at(0, true), false);
        }
        double cycle = travel + device.dwell();
        double t = simulated % cycle;
        if (t < device.dwell()) {
            return new Motion(path.at(0, true), false);
        }
        return new Motion(path.at((t - device.dwell()) * device.speed(), true), true);
    }

    record Motion(GeoPath.Point point, boolean moving) {
    }

    /** Where {@code device} is {@code simulated} seconds in, without noise; for tests and geofence checks. */
    public static double[] positionAt(Device device, double simulated) {
        GeoPath.Point point = motion(device, new GeoPath(device.route()), simulated).point();
        return new double[] {point.lat(), point.lon()};
    }

    private static Double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

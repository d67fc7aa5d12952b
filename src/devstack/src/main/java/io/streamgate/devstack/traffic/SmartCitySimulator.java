package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.streamgate.platform.json.Json;

/**
 * A small smart city as NGSI v2 entities, written through ingest's batch {@code POST /v2/op/update}: rooms
 * (temperature, humidity, occupancy), parking spots (free or occupied) and air-quality stations (NO2, PM2.5,
 * CO2). The first tick creates them all; every later tick changes a few attributes, so GeonicDB's stream at
 * {@code /?tenant=default} shows entityCreated on start and then a steady flow of entityUpdated.
 *
 * <p>Every batch is {@code append}: it creates an entity that is missing (a fresh Redis, a deleted entity)
 * and otherwise changes it, so a restarted demo carries on without a separate setup step. Ingest computes
 * {@code changedAttributes} against the stored entity, so attributes sent again unchanged are not announced.
 */
public final class SmartCitySimulator implements TrafficGenerator {

    /**
     * @param interval wall-clock time between two batches ({@code streamgate.traffic.entities.interval},
     *                 default 2s)
     */
    public record Settings(Duration interval) {

        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(2));

        public Settings {
            Durations.requirePositive(interval, "entities.interval");
        }

        static Settings read(Settings defaults, SettingsSource s) {
            return new Settings(s.duration("streamgate.traffic.entities.interval", defaults.interval()));
        }
    }

    public static final List<String> ROOMS = List.of("urn:ngsi-ld:Room:001", "urn:ngsi-ld:Room:002",
            "urn:ngsi-ld:Room:003");
    public static final List<String> PARKING_SPOTS = List.of("urn:ngsi-ld:ParkingSpot:001",
            "urn:ngsi-ld:ParkingSpot:002", "urn:ngsi-ld:ParkingSpot:003", "urn:ngsi-ld:ParkingSpot:004");
    public static final List<String> AIR_QUALITY = List.of("urn:ngsi-ld:AirQualityObserved:001",
            "urn:ngsi-ld:AirQualityObserved:002");

    private final Settings settings;
    private final Random random;
    private final double[] temperature = { 21.5, 23.0, 19.5 };
    private final double[] humidity = { 45, 50, 40 };
    private final double[] no2 = { 28, 41 };
    private final double[] pm25 = { 9, 14 };
    private final double[] co2 = { 415, 440 };
    private final boolean[] occupied = { false, true, false, true };
    private boolean created;

    public SmartCitySimulator(Settings settings, long seed) {
        this.settings = settings;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public String describe() {
        return ROOMS.size() + " rooms, " + PARKING_SPOTS.size() + " parking spots, " + AIR_QUALITY.size()
                + " air-quality stations (tenant default) every " + Durations.format(settings.interval()) + " → "
                + IngestPost.ENTITY_BATCH;
    }

    @Override
    public List<IngestPost> tick(Instant now) {
        List<Map<String, Object>> entities = created ? changes(now) : everything(now);
        created = true;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actionType", "append");
        body.put("entities", entities);
        return List.of(new IngestPost(IngestPost.ENTITY_BATCH, Json.encode(body), entities.size(), false));
    }

    private List<Map<String, Object>> everything(Instant now) {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (int i = 0; i < ROOMS.size(); i++) {
            entities.add(room(i, now));
        }
        for (int i = 0; i < PARKING_SPOTS.size(); i++) {
            Map<String, Object> spot = parkingSpot(i, now);
            spot.put("name", attr("Text", "Spot " + (i + 1)));
            spot.put("location", attr("geo:json", Map.of("type", "Point",
                    "coordinates", List.of(139.7671 + i * 0.0004, 35.6812))));
            entities.add(spot);
        }
        for (int i = 0; i < AIR_QUALITY.size(); i++) {
            entities.add(airQuality(i, now));
        }
        return entities;
    }

    /** One room's climate, one air-quality station, and now and then a parking spot changing hands. */
    private List<Map<String, Object>> changes(Instant now) {
        List<Map<String, Object>> entities = new ArrayList<>();
        int room = random.nextInt(ROOMS.size());
        temperature[room] = round(clamp(temperature[room] + random.nextGaussian() * 0.3, 17, 27));
        humidity[room] = round(clamp(humidity[room] + random.nextGaussian() * 1.0, 30, 70));
        entities.add(room(room, now));
        int station = random.nextInt(AIR_QUALITY.size());
        no2[station] = round(clamp(no2[station] + random.nextGaussian() * 2, 5, 120));
        pm25[station] = round(clamp(pm25[station] + random.nextGaussian(), 1, 80));
        co2[station] = round(clamp(co2[station] + random.nextGaussian() * 5, 400, 900));
        entities.add(airQuality(station, now));
        if (random.nextDouble() < 0.3) {
            int spot = random.nextInt(PARKING_SPOTS.size());
            occupied[spot] = !occupied[spot];
            entities.add(parkingSpot(spot, now));
        }
        return entities;
    }

    private Map<String, Object> room(int i, Instant now) {
        Map<String, Object> entity = entity(ROOMS.get(i), "Room");
        entity.put("temperature", attr("Number", temperature[i]));
        entity.put("humidity", attr("Number", humidity[i]));
        entity.put("dateObserved", attr("DateTime", now.toString()));
        return entity;
    }

    private Map<String, Object> parkingSpot(int i, Instant now) {
        Map<String, Object> entity = entity(PARKING_SPOTS.get(i), "ParkingSpot");
        entity.put("status", attr("Text", occupied[i] ? "occupied" : "free"));
        entity.put("dateObserved", attr("DateTime", now.toString()));
        return entity;
    }

    private Map<String, Object> airQuality(int i, Instant now) {
        Map<String, Object> entity = entity(AIR_QUALITY.get(i), "AirQualityObserved");
        entity.put("no2", attr("Number", no2[i]));
        entity.put("pm25", attr("Number", pm25[i]));
        entity.put("co2", attr("Number", co2[i]));
        entity.put("dateObserved", attr("DateTime", now.toString()));
        return entity;
    }

    private static Map<String, Object> entity(String id, String type) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("type", type);
        return entity;
    }

    private static Map<String, Object> attr(String type, Object value) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("type", type);
        attribute.put("value", value);
        return attribute;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package io.streamgate.safety.alerts;

import java.time.Instant;

import io.streamgate.platform.aviation.AircraftPosition;

/** Builds aircraft positions for alert tests; every field a rule can look at is settable. */
final class Aircraft {

    private String hex;
    private String flight;
    private double lat = 40.0;
    private double lon = -100.0;
    private Integer altitude = 15000;
    private boolean onGround;
    private Double speed = 300.0;
    private String squawk = "1000";
    private String category = "A3";
    private boolean military;
    private String registration = "D-ABCD";
    private Instant time = Instant.now();

    private Aircraft(String hex) {
        this.hex = hex;
        this.flight = "TST" + hex.substring(Math.max(0, hex.length() - 4)).toUpperCase();
    }

    static Aircraft of(String hex) {
        return new Aircraft(hex);
    }

    private Aircraft copy() {
        Aircraft c = new Aircraft(hex);
        c.flight = flight;
        c.lat = lat;
        c.lon = lon;
        c.altitude = altitude;
        c.onGround = onGround;
        c.speed = speed;
        c.squawk = squawk;
        c.category = category;
        c.military = military;
        c.registration = registration;
        c.time = time;
        return c;
    }

    Aircraft flight(String value) {
        Aircraft c = copy();
        c.flight = value;
        return c;
    }

    Aircraft at(double latitude, double longitude) {
        Aircraft c = copy();
        c.lat = latitude;
        c.lon = longitude;
        return c;
    }

    Aircraft altitude(Integer feet) {
        Aircraft c = copy();
        c.altitude = feet;
        c.onGround = false;
        return c;
    }

    Aircraft onGround() {
        Aircraft c = copy();
        c.altitude = null;
        c.onGround = true;
        return c;
    }

    Aircraft speed(Double knots) {
        Aircraft c = copy();
        c.speed = knots;
        return c;
    }

    Aircraft squawk(String code) {
        Aircraft c = copy();
        c.squawk = code;
        return c;
    }

    Aircraft category(String value) {
        Aircraft c = copy();
        c.category = value;
        return c;
    }

    Aircraft military(boolean value) {
        Aircraft c = copy();
        c.military = value;
        return c;
    }

    Aircraft registration(String value) {
        Aircraft c = copy();
        c.registration = value;
        return c;
    }

    String hex() {
        return hex;
    }

    /** The position, fixed now. */
    AircraftPosition position() {
        return new AircraftPosition(hex, flight, lat, lon, altitude, onGround, null, speed, 90.0, 0, null, squawk,
                null, category, military, registration, "B738", -20.0, 0.5, false, Instant.now());
    }
}

package io.streamgate.safety.aviation;

import java.time.Instant;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.geo.LatLon;

/** Builds aircraft positions for tests, and moves them along their track. */
public final class Fix {

    private String hex;
    private String flight;
    private double lat;
    private double lon;
    private Integer altitude = 15000;
    private boolean onGround;
    private Double groundSpeed = 300.0;
    private Double track = 90.0;
    private Integer baroRate = 0;
    private String squawk = "1000";
    private String emergency;
    private boolean stale;
    private Instant time = Instant.parse("2026-11-23T12:00:00Z");

    private Fix(String hex) {
        this.hex = hex;
        this.flight = hex.replace("~", "").toUpperCase();
    }

    public static Fix of(String hex) {
        return new Fix(hex);
    }

    private Fix copy() {
        Fix copy = new Fix(hex);
        copy.flight = flight;
        copy.lat = lat;
        copy.lon = lon;
        copy.altitude = altitude;
        copy.onGround = onGround;
        copy.groundSpeed = groundSpeed;
        copy.track = track;
        copy.baroRate = baroRate;
        copy.squawk = squawk;
        copy.emergency = emergency;
        copy.stale = stale;
        copy.time = time;
        return copy;
    }

    public Fix hex(String value) {
        Fix c = copy();
        c.hex = value;
        return c;
    }

    public Fix flight(String value) {
        Fix c = copy();
        c.flight = value;
        return c;
    }

    public Fix at(double latitude, double longitude) {
        Fix c = copy();
        c.lat = latitude;
        c.lon = GeoMath.normalizeLon(longitude);
        return c;
    }

    /** {@code distance} nm from a point along {@code bearing}. */
    public Fix from(double latitude, double longitude, double bearing, double distance) {
        LatLon p = GeoMath.destinationNm(latitude, longitude, bearing, distance);
        return at(p.lat(), p.lon());
    }

    public Fix altitude(Integer feet) {
        Fix c = copy();
        c.altitude = feet;
        return c;
    }

    public Fix onGround() {
        Fix c = copy();
        c.onGround = true;
        c.altitude = null;
        return c;
    }

    public Fix speed(Double knots) {
        Fix c = copy();
        c.groundSpeed = knots;
        return c;
    }

    public Fix track(double degrees) {
        Fix c = copy();
        c.track = degrees;
        return c;
    }

    public Fix rate(Integer feetPerMinute) {
        Fix c = copy();
        c.baroRate = feetPerMinute;
        return c;
    }

    public Fix squawk(String code) {
        Fix c = copy();
        c.squawk = code;
        return c;
    }

    public Fix emergency(String status) {
        Fix c = copy();
        c.emergency = status;
        return c;
    }

    public Fix stale(boolean value) {
        Fix c = copy();
        c.stale = value;
        return c;
    }

    public Fix time(Instant at) {
        Fix c = copy();
        c.time = at;
        return c;
    }

    /** The same aircraft {@code seconds} later, moved along its track at its speed and vertical rate. */
    public Fix after(double seconds) {
        Fix c = copy();
        double speed = groundSpeed == null ? 0 : groundSpeed;
        LatLon p = GeoMath.destinationNm(lat, lon, track, speed * seconds / 3600.0);
        c.lat = p.lat();
        c.lon = p.lon();
        if (altitude != null && baroRate != null) {
            c.altitude = (int) Math.round(altitude + baroRate * seconds / 60.0);
        }
        c.time = time.plusMillis(Math.round(seconds * 1000));
        return c;
    }

    public Instant time() {
        return time;
    }

    public String hexValue() {
        return hex;
    }

    public AircraftPosition position() {
        return new AircraftPosition(hex, flight, lat, lon, altitude, onGround, null, groundSpeed, track, baroRate, null,
                squawk, emergency, "A3", false, null, null, null, stale ? 30.0 : 0.5, stale, time);
    }
}

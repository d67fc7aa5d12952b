package io.streamgate.devstack.traffic;

/**
 * One row of an OpenSky state-vector recording such as {@code adsb/switzerland.json.gz}. Missing
 * numbers are {@code NaN} rather than boxed nulls: the Swiss file alone has 139,098 rows, and
 * primitives keep the whole recording to about a dozen megabytes.
 *
 * @param timestamp        when the state was observed, epoch milliseconds
 * @param icao24           ICAO 24-bit address, lower-case hex
 * @param callsign         callsign, or null
 * @param latitude         degrees, NaN when unknown
 * @param longitude        degrees, NaN when unknown
 * @param altitudeFt       barometric altitude in feet, NaN when unknown
 * @param groundspeedKt    ground speed in knots, NaN when unknown
 * @param track            true track in degrees, NaN when unknown
 * @param verticalRateFpm  vertical rate in feet per minute, NaN when unknown
 */
public record StateVector(long timestamp, String icao24, String callsign, double latitude, double longitude,
        double altitudeFt, double groundspeedKt, double track, double verticalRateFpm) {

    /** A receiver lists an aircraft without a position too; ingest writes no record for it. */
    public boolean hasPosition() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }
}

package io.streamgate.ingest.modes;

/**
 * What {@link AircraftTracker} knows of one aircraft: the last of each decoded value (with the time it was
 * heard, 0 when never) and the CPR messages kept for pairing. Read by the holder of the tracker on the
 * same thread.
 */
public final class TrackedAircraft {

    public final int address;
    public final boolean nonIcao;
    public long lastHeard;

    public String callsign;
    public String category;
    public int altitudeBaro;
    public long altitudeBaroAt;
    public int altitudeGnss;
    public long altitudeGnssAt;
    public double groundSpeed;
    public double track;
    public long velocityAt;
    public int verticalRate;
    public boolean verticalRateBaro;
    public long verticalRateAt;
    public int squawk;
    public long squawkAt;
    public int emergencyState = -1;
    public boolean onGround;
    public int signal = -1;

    public double lat;
    public double lon;
    /** When {@link #lat}/{@link #lon} was fixed; 0 when never. */
    public long positionAt;

    /** For the tracker's holder: when it last published this aircraft (rate bound). */
    public long publishedAt;
    /** For the tracker's holder: the last ACAS advisory it published (ARA, RAC, flags, threat) and when. */
    public long advisorySignature = -1;
    public long advisoryPublishedAt;

    // CPR pairing
    int evenLat;
    int evenLon;
    long evenAt;
    boolean evenSurface;
    int oddLat;
    int oddLon;
    long oddAt;
    boolean oddSurface;
    int globalRejectsInARow;

    // a velocity that jumped from the last one, waiting for confirmation
    double pendingSpeed;
    double pendingTrack;
    long pendingAt;

    TrackedAircraft(int address, boolean nonIcao) {
        this.address = address;
        this.nonIcao = nonIcao;
    }

    /** Lower-case hex, {@code ~} first for a non-ICAO address. */
    public String hex() {
        String hex = String.format("%06x", address);
        return nonIcao ? "~" + hex : hex;
    }
}

package io.streamgate.ingest.modes;

/**
 * The limits of {@link AircraftTracker}.
 *
 * @param airbornePairMillis   an even and an odd airborne message further apart than this are not paired
 * @param surfacePairMillis    the same for surface messages (slower movement, longer window)
 * @param localReferenceMillis a position older than this is no reference for local decoding
 * @param maxRangeNm           a position further from the receiver is rejected; at most 180 NM also lets
 *                             a single message be decoded against the receiver's position
 * @param maxAirborneSpeedKt   an airborne fix implying a faster move from the previous one is rejected
 * @param maxSurfaceSpeedKt    the same on the ground
 * @param maxVelocityChangeKt  a velocity report differing from the previous one by more than this, plus
 *                             what 2 g could do in the time between, waits for a second report to confirm
 * @param aircraftTimeoutMillis an aircraft not heard for this long is forgotten
 */
public record TrackerSettings(long airbornePairMillis, long surfacePairMillis, long localReferenceMillis,
        double maxRangeNm, double maxAirborneSpeedKt, double maxSurfaceSpeedKt, double maxVelocityChangeKt,
        long aircraftTimeoutMillis) {

    public static TrackerSettings defaults() {
        return new TrackerSettings(10_000, 50_000, 60_000, 300, 1_200, 150, 50, 300_000);
    }
}

package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a time-ordered recording into receiver snapshots. A snapshot opens at its first row and takes
 * every following row within {@code window} of it, up to {@code maxAircraft} rows; the next row opens
 * the next snapshot. With a window shorter than the recording's report interval (the Swiss file
 * reports every 10 s) each aircraft appears at most once per snapshot, as in a receiver's file; a
 * longer window packs several fixes of one aircraft into a document, each with its own
 * {@code seen_pos}, which is how the bulk replay makes large requests.
 */
public final class SnapshotGrouper {

    private SnapshotGrouper() {
    }

    public static List<AircraftSnapshot> group(List<StateVector> rows, Duration window, int maxAircraft) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the snapshot window must be positive");
        }
        if (maxAircraft < 1) {
            throw new IllegalArgumentException("a snapshot holds at least one aircraft");
        }
        long windowMillis = window.toMillis();
        List<AircraftSnapshot> snapshots = new ArrayList<>();
        List<StateVector> current = new ArrayList<>();
        long opened = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        for (StateVector row : rows) {
            if (row.timestamp() < previous) {
                throw new IllegalArgumentException("rows must be in time order; " + row.icao24() + " at "
                        + row.timestamp() + " follows " + previous);
            }
            previous = row.timestamp();
            if (!current.isEmpty() && (row.timestamp() - opened >= windowMillis || current.size() >= maxAircraft)) {
                snapshots.add(close(current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                opened = row.timestamp();
            }
            current.add(row);
        }
        if (!current.isEmpty()) {
            snapshots.add(close(current));
        }
        return snapshots;
    }

    private static AircraftSnapshot close(List<StateVector> rows) {
        return new AircraftSnapshot(rows.get(rows.size() - 1).timestamp(), rows);
    }
}

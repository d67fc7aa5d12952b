package io.streamgate.safety.aviation.geo;

import java.util.function.LongConsumer;

import io.streamgate.platform.geo.GeoMath;

/**
 * The coarse grid that splits pair detection between replicas: each position has one home sector, and is also
 * needed by every sector within a pair check's reach of it, where it can be the partner of that sector's own
 * aircraft.
 *
 * <p>The geometry is {@link SpatialGrid}'s (rows of equal height, as many columns per row as fit at the row's
 * poleward edge, wrapping at the antimeridian) with sectors at least {@code size} on a side. The sectors within
 * {@code reach} of a point are found row by row: in each row the circle spans at most the longitudes its most
 * poleward latitude in that row allows, and since a column is never narrower than that span's sample spacing,
 * the columns under three samples (west, centre, east) are all the columns it touches.
 */
public final class Sectors {

    /** The circle-to-parallel approximation is a fraction of a percent off at these distances; stay above it. */
    private static final double SAFETY = 1.01;

    private final double reachDeg;
    private final double rowHeightDeg;
    private final int rows;
    private final int[] columns;

    /**
     * @param size  a sector's smallest side, nm; never less than {@code reach} (and its margin)
     * @param reach how far from a point a sector still needs it, nm
     */
    public Sectors(double size, double reach) {
        if (!(reach > 0) || !(size > 0)) {
            throw new IllegalArgumentException("sector size and reach must be positive");
        }
        size = Math.max(size, reach * SAFETY);
        this.reachDeg = reach * SAFETY / GeoMath.NM_PER_DEGREE;
        this.rowHeightDeg = Math.min(180.0, size / GeoMath.NM_PER_DEGREE);
        this.rows = (int) Math.ceil(180.0 / rowHeightDeg);
        this.columns = new int[rows];
        for (int row = 0; row < rows; row++) {
            double poleward = Math.min(90.0, Math.max(Math.abs(south(row)), Math.abs(north(row))));
            double rowWidthNm = 360.0 * GeoMath.NM_PER_DEGREE * Math.cos(Math.toRadians(poleward));
            columns[row] = (int) Math.max(1, Math.floor(rowWidthNm / size));
        }
    }

    /** The sector a point belongs to. */
    public long home(double lat, double lon) {
        int row = row(lat);
        return key(row, column(row, lon));
    }

    /** Hands every sector within reach of the point to {@code sink}, its home sector included, each once. */
    public void within(double lat, double lon, LongConsumer sink) {
        int first = row(lat - reachDeg);
        int last = row(lat + reachDeg);
        for (int row = first; row <= last; row++) {
            double from = Math.max(south(row), lat - reachDeg);
            double to = Math.min(north(row), lat + reachDeg);
            double poleward = Math.min(90.0, Math.max(Math.abs(from), Math.abs(to)));
            double cos = Math.cos(Math.toRadians(poleward));
            int n = columns[row];
            double span = cos <= 0 ? 360 : reachDeg / cos;
            if (span * 2 >= 360 || n <= 3) {
                for (int c = 0; c < n; c++) {
                    sink.accept(key(row, c));
                }
                continue;
            }
            int west = column(row, lon - span);
            int centre = column(row, lon);
            int east = column(row, lon + span);
            sink.accept(key(row, centre));
            if (west != centre) {
                sink.accept(key(row, west));
            }
            if (east != centre && east != west) {
                sink.accept(key(row, east));
            }
        }
    }

    /** A sector's name in record keys: {@code row:column}. */
    public static String name(long sector) {
        return (sector >>> 32) + ":" + (int) sector;
    }

    private double south(int row) {
        return -90.0 + row * rowHeightDeg;
    }

    private double north(int row) {
        return Math.min(90.0, south(row) + rowHeightDeg);
    }

    private int row(double lat) {
        int row = (int) Math.floor((lat + 90.0) / rowHeightDeg);
        return Math.max(0, Math.min(rows - 1, row));
    }

    private int column(int row, double lon) {
        int n = columns[row];
        int column = (int) Math.floor((GeoMath.normalizeLon(lon) + 180.0) / (360.0 / n));
        return Math.max(0, Math.min(n - 1, column));
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }
}

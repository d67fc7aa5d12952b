package io.streamgate.safety.aviation.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.streamgate.platform.geo.GeoMath;

/**
 * A lat/lon grid with altitude bands, so that a pair check looks at the few aircraft around one aircraft
 * instead of all of them (at 20k aircraft, all pairs would be 2×10⁸ checks per second).
 *
 * <p>Rows are {@code radius} tall. Each row has as many columns as fit with every cell at least
 * {@code radius} wide at the row's poleward edge, so columns get wider in degrees towards the poles
 * (longitude scaled by 1/cos(latitude)): a grid with square-degree cells would make cells at 65°N less
 * than half as wide as tall, and a 3×3 neighbourhood would miss pairs there. Because every cell is at
 * least one radius wide and tall, everything within {@code radius} of a point lies in its row or the
 * rows above and below, and in each of those rows in the column under the point's longitude or one of
 * its two neighbours; columns wrap at the antimeridian. Bands are {@code bandHeight} tall, and a lookup
 * reads the point's band and the two beside it.
 *
 * <p>Not thread-safe: one owner (the engine) mutates and reads it.
 *
 * @param <T> what is placed in the grid
 */
public final class SpatialGrid<T> {

    /** The key of an item that is in no cell. */
    public static final long NOWHERE = Long.MIN_VALUE;

    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;
    private static final long BAND_OFFSET = 1L << (BITS - 1);
    /** The circle-to-parallel approximation is a fraction of a percent off at tens of miles; stay above it. */
    private static final double SAFETY = 1.01;

    private final double radius;
    private final double rowHeightDeg;
    private final double bandHeight;
    private final int rows;
    private final int[] columns;
    private final Map<Long, List<T>> cells = new HashMap<>();
    private int size;

    /**
     * @param radius     the farthest horizontal distance a lookup must cover, nm
     * @param bandHeight the farthest vertical distance a lookup must cover, ft
     */
    public SpatialGrid(double radius, double bandHeight) {
        if (!(radius > 0) || !(bandHeight > 0)) {
            throw new IllegalArgumentException("radius and band height must be positive");
        }
        this.radius = radius;
        this.bandHeight = bandHeight;
        this.rowHeightDeg = Math.min(180.0, radius * SAFETY / GeoMath.NM_PER_DEGREE);
        this.rows = (int) Math.ceil(180.0 / rowHeightDeg);
        if (rows >= (1 << BITS)) {
            throw new IllegalArgumentException("radius too small for the grid: " + radius + " nm");
        }
        this.columns = new int[rows];
        for (int row = 0; row < rows; row++) {
            double south = -90.0 + row * rowHeightDeg;
            double north = Math.min(90.0, south + rowHeightDeg);
            double poleward = Math.min(90.0, Math.max(Math.abs(south), Math.abs(north)));
            double rowWidthNm = 360.0 * GeoMath.NM_PER_DEGREE * Math.cos(Math.toRadians(poleward));
            columns[row] = (int) Math.max(1, Math.floor(rowWidthNm / (radius * SAFETY)));
        }
    }

    public double radius() {
        return radius;
    }

    public double bandHeight() {
        return bandHeight;
    }

    /** How many items the grid holds. */
    public int size() {
        return size;
    }

    /** Columns of the row that holds {@code lat}: fewer towards the poles. */
    public int columnsAt(double lat) {
        return columns[row(lat)];
    }

    /** The cell that holds a point. */
    public long cellOf(double lat, double lon, double altitude) {
        int row = row(lat);
        return key(row, column(row, lon), band(altitude));
    }

    /**
     * Puts {@code item} in the cell of the point, taking it out of {@code previousCell} if that is another
     * cell.
     *
     * @return the item's cell, to pass back as {@code previousCell} next time
     */
    public long place(T item, long previousCell, double lat, double lon, double altitude) {
        long cell = cellOf(lat, lon, altitude);
        if (cell != previousCell) {
            remove(item, previousCell);
            cells.computeIfAbsent(cell, k -> new ArrayList<>(4)).add(item);
            size++;
        }
        return cell;
    }

    /** Takes {@code item} out of {@code cell}; nothing happens for {@link #NOWHERE}. */
    public void remove(T item, long cell) {
        if (cell == NOWHERE) {
            return;
        }
        List<T> members = cells.get(cell);
        if (members != null && members.remove(item)) {
            size--;
            if (members.isEmpty()) {
                cells.remove(cell);
            }
        }
    }

    /**
     * Hands every item in the 3×3 cells around the point, in its altitude band and the two beside it, to
     * {@code visitor}: a superset of the items within {@code radius} and {@code bandHeight}. Each item
     * comes once.
     */
    public void forEachNear(double lat, double lon, double altitude, Consumer<T> visitor) {
        int row = row(lat);
        int band = band(altitude);
        for (int r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
            int n = columns[r];
            int centre = column(r, lon);
            // With one or two columns the three neighbours repeat; read each once.
            int width = Math.min(3, n);
            for (int i = 0; i < width; i++) {
                int c = Math.floorMod(centre - 1 + i, n);
                for (int b = band - 1; b <= band + 1; b++) {
                    List<T> members = cells.get(key(r, c, b));
                    if (members != null) {
                        for (int m = 0; m < members.size(); m++) {
                            visitor.accept(members.get(m));
                        }
                    }
                }
            }
        }
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

    private int band(double altitude) {
        long band = (long) Math.floor(altitude / bandHeight);
        return (int) Math.max(-BAND_OFFSET + 2, Math.min(BAND_OFFSET - 2, band));
    }

    private static long key(int row, int column, int band) {
        return ((long) row << (2 * BITS)) | ((long) column << BITS) | ((band + BAND_OFFSET) & MASK);
    }
}

package io.streamgate.safety.aviation.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@code details} object of an event: SkySpy's keys, rounded to what a reader can use. */
final class Details {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Details put(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    Details put(String key, double value, int decimals) {
        if (Double.isFinite(value)) {
            values.put(key, round(value, decimals));
        }
        return this;
    }

    Details position(String key, double lat, double lon) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("lat", round(lat, 5));
        position.put("lon", round(lon, 5));
        values.put(key, position);
        return this;
    }

    Map<String, Object> map() {
        return values;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Whole numbers render as integers ({@code 10000}, not {@code 10000.0}). */
    static Object whole(double value) {
        return Double.isFinite(value) ? (Object) Math.round(value) : null;
    }
}

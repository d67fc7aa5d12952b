package io.streamgate.safety.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.aviation.AircraftPosition;

/** Builds the alert of a rule match, in SkySpy's {@code alert:triggered} shape. */
final class Alerts {

    private Alerts() {
    }

    static AlertTriggered of(long id, AlertRule rule, AircraftPosition p, Instant now) {
        String callsign = p.flight() == null || p.flight().isBlank() ? null : p.flight().strip();
        String message = "Alert rule '" + rule.name() + "' matched " + (callsign == null ? p.hex()
                : callsign + " (" + p.hex() + ")");
        return new AlertTriggered(id, rule.id(), rule.name(), p.hex(), callsign, message, rule.priority(),
                aircraftData(p), now, rule.owner());
    }

    /** The matching position in readsb spelling; absent values are left out. */
    static Map<String, Object> aircraftData(AircraftPosition p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hex", p.hex());
        put(data, "flight", p.flight());
        data.put("alt_baro", p.onGround() ? "ground" : p.altBaro());
        put(data, "gs", p.groundSpeed());
        put(data, "track", p.track());
        data.put("lat", p.lat());
        data.put("lon", p.lon());
        put(data, "squawk", p.squawk());
        put(data, "category", p.category());
        put(data, "registration", p.registration());
        put(data, "type_code", p.typeCode());
        data.put("is_military", p.military());
        put(data, "timestamp", p.timestamp() == null ? null : p.timestamp().toString());
        data.values().removeIf(v -> v == null);
        return data;
    }

    private static void put(Map<String, Object> data, String name, Object value) {
        if (value != null) {
            data.put(name, value);
        }
    }
}

package io.streamgate.gateway.aircraft;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.aviation.AircraftPosition;

/** The current state of every aircraft, per tenant: what snapshots are made of. Engine thread only. */
final class AircraftTable {

    private final Map<String, Map<String, AircraftPosition>> byTenant = new HashMap<>();

    /** @return true when the aircraft was not in the table before */
    boolean put(String tenant, AircraftPosition position) {
        return byTenant.computeIfAbsent(tenant, t -> new HashMap<>()).put(position.hex(), position) == null;
    }

    AircraftPosition get(String tenant, String hex) {
        Map<String, AircraftPosition> aircraft = byTenant.get(tenant);
        return aircraft == null ? null : aircraft.get(hex);
    }

    /** @return the aircraft's last state, or null when the table did not hold it */
    AircraftPosition remove(String tenant, String hex) {
        Map<String, AircraftPosition> aircraft = byTenant.get(tenant);
        return aircraft == null ? null : aircraft.remove(hex);
    }

    Collection<AircraftPosition> all(String tenant) {
        Map<String, AircraftPosition> aircraft = byTenant.get(tenant);
        return aircraft == null ? List.of() : aircraft.values();
    }

    int size() {
        return byTenant.values().stream().mapToInt(Map::size).sum();
    }
}

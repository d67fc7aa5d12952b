package io.streamgate.platform.sensors;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A machine's health changed ({@code machines.status}, compacted, key {@code <tenant>/<machine_id>}, CE type
 * {@code io.streamgate.machine.status}), in Haltless's {@code machine_status} spelling.
 *
 * @param oldStatus null on first sight
 * @param newStatus {@code healthy}, {@code warning}, {@code critical} or {@code offline}
 */
public record MachineStatus(
        @JsonProperty("machine_id") String machineId,
        @JsonProperty("old_status") String oldStatus,
        @JsonProperty("new_status") String newStatus,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("reason") String reason) {
}

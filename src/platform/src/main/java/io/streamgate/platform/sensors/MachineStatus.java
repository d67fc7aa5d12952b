package io.streamgate.platform.sensors;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A machine's health changed ({@code machines.status}, compacted, key {@code <tenant>/<machine_id>}, CE type
 * {@code io.streamgate.machine.status}), in Haltless's {@code machine_status} spelling. The latest record per
 * key is the machine's current health.
 *
 * @param oldStatus null the first time the machine is seen
 * @param newStatus {@code healthy}, {@code warning}, {@code critical} or {@code offline}
 * @param reason    why, for people (the breached rule, the silence)
 */
public record MachineStatus(
        @JsonProperty("machine_id") String machineId,
        // Written as null on first sight, as Haltless clients expect it, not left out.
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("old_status") String oldStatus,
        @JsonProperty("new_status") String newStatus,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("reason") String reason) {

    public static final String HEALTHY = "healthy";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";
    public static final String OFFLINE = "offline";
}

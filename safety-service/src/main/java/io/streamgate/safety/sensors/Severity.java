package io.streamgate.safety.sensors;

import java.util.List;

import io.streamgate.platform.sensors.MachineStatus;

/**
 * Threshold rule severities and what they do to a machine's health: a {@code critical} breach makes it
 * {@code critical}, a {@code warning} breach {@code warning}; {@code info} breaches are only reported and
 * never degrade health.
 */
public final class Severity {

    public static final String CRITICAL = "critical";
    public static final String WARNING = "warning";
    public static final String INFO = "info";
    public static final List<String> ALL = List.of(CRITICAL, WARNING, INFO);

    private Severity() {
    }

    /** The health status that a breach of {@code severity} implies. */
    public static String health(String severity) {
        return switch (severity) {
            case CRITICAL -> MachineStatus.CRITICAL;
            case WARNING -> MachineStatus.WARNING;
            default -> MachineStatus.HEALTHY;
        };
    }

    /** healthy 0, warning 1, critical 2 (offline is not a severity). */
    public static int rank(String status) {
        return switch (status) {
            case MachineStatus.CRITICAL -> 2;
            case MachineStatus.WARNING -> 1;
            default -> 0;
        };
    }
}

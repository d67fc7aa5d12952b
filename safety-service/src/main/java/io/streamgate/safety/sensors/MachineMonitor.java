package io.streamgate.safety.sensors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;

import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * Threshold rules and health of every machine whose readings this replica reads. Owned by one thread.
 *
 * <p>A rule's condition must hold for its {@code for} duration in event time (reading timestamps): the first
 * breaching reading starts the clock, the first reading at or after start + {@code for} fires one alert, and
 * the rule stays quiet until a non-breaching reading clears it. A rule that changes or disappears starts over.
 *
 * <p>Health is the most severe fired, still-breached rule of the machine ({@link Severity#health}); a machine
 * without a reading for {@code silence} on the service clock goes {@code offline}, and its next reading brings
 * it back to what its rules say.
 */
public final class MachineMonitor {

    public static final String ALERT_SOURCE = "/safety/sensors";
    public static final String STATUS_SOURCE = "/safety/machines";

    private final Duration silence;
    private final Map<String, Machine> machines = new HashMap<>();

    public MachineMonitor(Duration silence) {
        this.silence = silence;
    }

    private static final class Machine {
        final String tenant;
        final String id;
        final int partition;
        String status;
        long lastSeenMillis;
        final Map<String, RuleState> rules = new LinkedHashMap<>();

        Machine(String tenant, String id, int partition) {
            this.tenant = tenant;
            this.id = id;
            this.partition = partition;
        }
    }

    private static final class RuleState {
        final ThresholdRule rule;
        Instant breachSince;
        boolean fired;

        RuleState(ThresholdRule rule) {
            this.rule = rule;
        }
    }

    /**
     * Evaluates one reading against the tenant's rules.
     *
     * @param rules     every rule of the tenant (the ones that do not apply are skipped)
     * @param partition the reading's partition, so the machine can be handed over with it
     * @return the alerts and status changes to publish, in order
     */
    public List<Outbound> onReading(String tenant, SensorReading reading, List<ThresholdRule> rules, int partition,
            long nowMillis) {
        Machine machine = machines.computeIfAbsent(key(tenant, reading.machineId()),
                k -> new Machine(tenant, reading.machineId(), partition));
        machine.lastSeenMillis = nowMillis;
        forgetChangedRules(machine, rules);
        List<Outbound> out = new ArrayList<>();
        Instant time = reading.timestamp();
        for (ThresholdRule rule : rules) {
            if (!rule.appliesTo(reading.machineId(), reading.metricName())) {
                continue;
            }
            RuleState state = machine.rules.computeIfAbsent(rule.id(), id -> new RuleState(rule));
            if (!rule.breachedBy(reading.value())) {
                state.breachSince = null;
                state.fired = false;
                continue;
            }
            if (state.breachSince == null || time.isBefore(state.breachSince)) {
                state.breachSince = time;
            }
            if (!state.fired && !time.isBefore(state.breachSince.plusSeconds(rule.forSeconds()))) {
                state.fired = true;
                out.add(alert(machine, rule, reading, state.breachSince));
            }
        }
        RuleState worst = worstBreach(machine);
        String status = worst == null ? MachineStatus.HEALTHY : Severity.health(worst.rule.severity());
        if (!status.equals(machine.status)) {
            String reason = worst != null && !MachineStatus.HEALTHY.equals(status)
                    ? "rule " + worst.rule.id() + ": " + worst.rule.metricName() + " " + worst.rule.operator() + " "
                            + worst.rule.threshold()
                    : MachineStatus.OFFLINE.equals(machine.status) ? "readings again, no threshold breached"
                            : "no threshold breached";
            out.add(transition(machine, status, time, reason));
        }
        return out;
    }

    /** Machines of owned partitions silent for longer than {@code silence} go offline. */
    public List<Outbound> sweep(long nowMillis, IntPredicate owned) {
        List<Outbound> out = new ArrayList<>();
        for (Machine machine : machines.values()) {
            if (!MachineStatus.OFFLINE.equals(machine.status) && owned.test(machine.partition)
                    && nowMillis - machine.lastSeenMillis > silence.toMillis()) {
                out.add(transition(machine, MachineStatus.OFFLINE, Instant.ofEpochMilli(nowMillis),
                        "no reading for " + silence.toSeconds() + " s"));
            }
        }
        return out;
    }

    /**
     * Takes over a machine's last published status (at start or when its partition is assigned): no record is
     * written, and its silence is counted from now.
     */
    public void restore(String tenant, MachineStatus last, int partition, long nowMillis) {
        Machine machine = machines.computeIfAbsent(key(tenant, last.machineId()),
                k -> new Machine(tenant, last.machineId(), partition));
        if (machine.status == null) {
            machine.status = last.newStatus();
            machine.lastSeenMillis = nowMillis;
        }
    }

    /** Forgets the machines of partitions another replica takes over. */
    public void release(IntPredicate partitions) {
        machines.values().removeIf(machine -> partitions.test(machine.partition));
    }

    /** The current status of a machine, or null when it is not known here. */
    public String status(String tenant, String machine) {
        Machine m = machines.get(key(tenant, machine));
        return m == null ? null : m.status;
    }

    /** How many known machines are in each status. */
    public Map<String, Integer> countByStatus() {
        Map<String, Integer> counts = new HashMap<>();
        for (String status : List.of(MachineStatus.HEALTHY, MachineStatus.WARNING, MachineStatus.CRITICAL,
                MachineStatus.OFFLINE)) {
            counts.put(status, 0);
        }
        machines.values().forEach(m -> {
            if (m.status != null) {
                counts.merge(m.status, 1, Integer::sum);
            }
        });
        return counts;
    }

    /** The compacted-topic key of a machine's status. */
    public static String key(String tenant, String machine) {
        return tenant + "/" + machine;
    }

    private static void forgetChangedRules(Machine machine, List<ThresholdRule> rules) {
        Map<String, ThresholdRule> current = new HashMap<>();
        rules.forEach(rule -> current.put(rule.id(), rule));
        for (Iterator<RuleState> it = machine.rules.values().iterator(); it.hasNext();) {
            RuleState state = it.next();
            ThresholdRule now = current.get(state.rule.id());
            if (now == null || !now.equals(state.rule)) {
                it.remove();
            }
        }
    }

    private static RuleState worstBreach(Machine machine) {
        RuleState worst = null;
        for (RuleState state : machine.rules.values()) {
            if (state.fired && (worst == null || Severity.rank(Severity.health(state.rule.severity()))
                    > Severity.rank(Severity.health(worst.rule.severity())))) {
                worst = state;
            }
        }
        return worst;
    }

    private static Outbound alert(Machine machine, ThresholdRule rule, SensorReading reading, Instant breachSince) {
        // The same breach replayed after a crash gets the same id, so consumers can drop the duplicate.
        String id = UUID.nameUUIDFromBytes((machine.tenant + "|" + rule.id() + "|" + machine.id + "|" + breachSince)
                .getBytes(StandardCharsets.UTF_8)).toString();
        SensorAlert alert = new SensorAlert(id, rule.id(), machine.id, rule.metricName(), rule.severity(),
                rule.alertMessage(machine.id, reading.value()), reading.value(), rule.threshold(), reading.timestamp());
        return new Outbound(Topics.ALERTS_TRIGGERED, rule.id(), id, ALERT_SOURCE, EventTypes.SENSOR_ALERT,
                reading.timestamp(), machine.id, machine.tenant, alert);
    }

    private static Outbound transition(Machine machine, String status, Instant time, String reason) {
        MachineStatus record = new MachineStatus(machine.id, machine.status, status, time, reason);
        machine.status = status;
        String key = key(machine.tenant, machine.id);
        String id = UUID.nameUUIDFromBytes((key + "|" + record.oldStatus() + "|" + status + "|" + time)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Outbound(Topics.MACHINES_STATUS, key, id, STATUS_SOURCE, EventTypes.MACHINE_STATUS, time,
                machine.id, machine.tenant, record);
    }
}

package io.streamgate.stats.machines;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.kafka.Incoming;
import io.streamgate.stats.kafka.Recorder;
import io.streamgate.stats.store.RedisBatch;
import io.streamgate.stats.store.StatsKeys;

/**
 * {@code machines.status} (compacted, key {@code <tenant>/<machine_id>}) → each machine's current status. A new
 * consumer group reads the compacted topic from the start, which rebuilds every machine's last status; a
 * tombstone forgets the machine.
 */
@ApplicationScoped
public class MachineStatusRecorder implements Recorder {

    /** Hash machine id → status. */
    static String statuses(String tenant) {
        return StatsKeys.agg(tenant, "machines");
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.MACHINES_STATUS.name());
    }

    @Override
    public void record(Incoming record, RedisBatch batch) {
        if (record.tombstone()) {
            int slash = record.key() == null ? -1 : record.key().indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("a machines.status tombstone needs a <tenant>/<machine_id> key");
            }
            String tenant = record.tenant() != null ? record.tenant() : record.key().substring(0, slash);
            batch.hdel(statuses(tenant), record.key().substring(slash + 1));
            return;
        }
        if (!EventTypes.MACHINE_STATUS.equals(record.type())) {
            throw new IllegalArgumentException("not a machine status: " + record.type());
        }
        MachineStatus status = record.as(MachineStatus.class);
        if (status.machineId() == null || status.newStatus() == null) {
            throw new IllegalArgumentException("a machine status needs machine_id and new_status");
        }
        // No TTL: a machine's status stands until it changes.
        batch.hset(statuses(record.tenant()), status.machineId(), status.newStatus(), null);
        batch.tenant(record.tenant());
    }
}

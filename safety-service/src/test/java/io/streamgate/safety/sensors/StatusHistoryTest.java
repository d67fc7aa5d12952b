package io.streamgate.safety.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;

/** Health is rebuilt from what {@code machines.status} holds: the latest record per key, its tenant. */
class StatusHistoryTest {

    private static final Instant T = Instant.parse("2026-04-04T10:30:00Z");

    private static ConsumerRecord<String, byte[]> record(String tenant, MachineStatus status) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/safety/machines", EventTypes.MACHINE_STATUS, T,
                status.machineId(), tenant), headers);
        return new ConsumerRecord<>("machines.status", 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
                tenant + "/" + status.machineId(), Json.encode(status), headers, Optional.empty());
    }

    @Test
    void theLatestRecordPerMachineWinsAndKeepsItsTenant() {
        Map<String, StatusHistory.Last> last = new HashMap<>();
        StatusHistory.apply(last, record("a", new MachineStatus("m", null, "healthy", T, null)));
        StatusHistory.apply(last, record("a", new MachineStatus("m", "healthy", "critical", T, "r")));
        StatusHistory.apply(last, record("b", new MachineStatus("m", null, "offline", T, null)));
        assertEquals("critical", last.get("a/m").status().newStatus());
        assertEquals("a", last.get("a/m").tenant());
        assertEquals("offline", last.get("b/m").status().newStatus());

        MachineMonitor monitor = new MachineMonitor(java.time.Duration.ofSeconds(60));
        last.values().forEach(l -> monitor.restore(l.tenant(), l.status(), 0, 0));
        assertEquals("critical", monitor.status("a", "m"));
        assertEquals("offline", monitor.status("b", "m"));
    }

    @Test
    void tombstonesAndForeignRecordsAreSkipped() {
        Map<String, StatusHistory.Last> last = new HashMap<>();
        StatusHistory.apply(last, record("a", new MachineStatus("m", null, "healthy", T, null)));
        StatusHistory.apply(last, new ConsumerRecord<>("machines.status", 0, 1, "a/m", null));
        StatusHistory.apply(last, new ConsumerRecord<>("machines.status", 0, 2, "a/x", "{}".getBytes()));
        assertFalse(last.containsKey("a/m"));
        assertFalse(last.containsKey("a/x"));
    }

    @Test
    void machinesMapToThePartitionTheProducerPutsTheirReadingsIn() {
        for (String machine : new String[] {"press-7", "cnc-3", "pump-2", "compressor-1", "m-ü"}) {
            for (int partitions : new int[] {1, 3, 12}) {
                assertEquals(org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
                        machine.getBytes(java.nio.charset.StandardCharsets.UTF_8), partitions),
                        StatusHistory.partitionOf(machine, partitions), machine + " of " + partitions);
            }
        }
    }
}

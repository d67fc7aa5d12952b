package io.streamgate.gateway.machines;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.events.EventFeed;
import io.streamgate.gateway.engine.events.EventFeedConfig;
import io.streamgate.gateway.engine.events.KafkaReplay;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.topic.Topics;

/**
 * Machine health ({@code machines.status}, compacted, key {@code <tenant>/<machine>}): every transition
 * as a resumable, never-dropped event — a dashboard must see each one — plus every machine's current
 * status per tenant, for the snapshot a client starts from. Read from the beginning, so a new replica
 * knows every machine before it is ready; a tombstone forgets the machine.
 */
@Singleton
public class MachineStatusFeed extends EventFeed {

    private final EngineLoop loop;
    private final Map<String, Map<String, MachineStatus>> current = new HashMap<>();

    MachineStatusFeed(EngineLoop loop, EventFeedConfig config, KafkaReplay replay, MeterRegistry registry) {
        super(Topics.MACHINES_STATUS, loop, config, replay, registry);
        this.loop = loop;
    }

    @Override
    public StartPosition startPosition() {
        return StartPosition.earliest();
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                String tenant = KafkaBinaryBinding.read(record.headers()).tenant();
                Map<String, MachineStatus> machines = current.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
                if (record.value() == null) {
                    String key = record.key();
                    machines.remove(key == null ? null : key.substring(key.indexOf('/') + 1));
                } else {
                    MachineStatus status = Json.decode(record.value(), MachineStatus.class);
                    machines.put(status.machineId(), status);
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException ignored) {
                // counted as malformed by the event feed below
            }
        }
        super.onRecords(records);
    }

    /** The tenant's machines and their current status; call on the engine thread (a snapshot supplier). */
    public List<MachineStatus> currentStatus(String tenant) {
        return new ArrayList<>(current.getOrDefault(tenant, Map.of()).values());
    }

    /** Runs {@code query} over the tenant's current statuses on the engine thread. */
    public <T> CompletionStage<T> query(String tenant, Function<List<MachineStatus>, T> query) {
        return loop.submit(() -> query.apply(currentStatus(tenant)));
    }
}

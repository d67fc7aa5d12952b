package io.streamgate.stats.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.kafka.Incoming;
import io.streamgate.stats.kafka.Recorder;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.RedisBatch;

/**
 * {@code device.locations} → when each device was last seen; {@code geofence.events} → the day's event,
 * entry and exit counters ({@code HINCRBY}, day of the event's timestamp).
 */
@ApplicationScoped
public class DevicesRecorder implements Recorder {

    private final StatsConfig config;

    DevicesRecorder(StatsConfig config) {
        this.config = config;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.DEVICE_LOCATIONS.name(), Topics.GEOFENCE_EVENTS.name());
    }

    @Override
    public void record(Incoming record, RedisBatch batch) {
        String tenant = record.tenant();
        if (EventTypes.DEVICE_LOCATION.equals(record.type()) && !record.tombstone()) {
            DeviceLocation location = record.as(DeviceLocation.class);
            Instant at = location.timestamp() != null ? location.timestamp() : record.time();
            // Kept a day beyond the active window; the dashboard figure prunes older entries.
            batch.zadd(DeviceKeys.seen(tenant), at.toEpochMilli(), location.deviceId(),
                    config.devices().activeWindow().plus(Duration.ofDays(1)));
        } else if (EventTypes.GEOFENCE_EVENT.equals(record.type()) && !record.tombstone()) {
            GeofenceEvent event = record.as(GeofenceEvent.class);
            Instant at = event.timestamp() != null ? event.timestamp() : record.time();
            String key = DeviceKeys.geofenceDay(tenant, Days.day(at));
            batch.hincrby(key, "events", 1, Days.ttl(config));
            if ("entry".equals(event.eventType()) || "exit".equals(event.eventType())) {
                batch.hincrby(key, event.eventType(), 1, Days.ttl(config));
            }
        } else {
            throw new IllegalArgumentException("not a device location or geofence event: " + record.type());
        }
        batch.tenant(tenant);
    }
}

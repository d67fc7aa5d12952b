package io.streamgate.gateway.devices;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.state.StateTopicView;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topics;

/**
 * Where every tracked device is now ({@code device.locations}), per tenant, conflated per device: the
 * moving devices of a geofence dashboard. Read from the engine's look-back window, as for aircraft.
 */
@Singleton
public class DeviceLocationsView extends StateTopicView<DeviceLocation> {

    DeviceLocationsView(EngineLoop loop, EngineConfig config, MeterRegistry registry) {
        super("devices", Topics.DEVICE_LOCATIONS, DeviceLocation.class, DeviceLocation::deviceId,
                StartPosition.lookback(config.warmupLookback()), ConsumerRecord::key, loop, config, registry);
    }
}

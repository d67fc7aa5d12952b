package io.streamgate.gateway.machines;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.state.StateTopicView;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * The latest reading of every (machine, metric) ({@code sensor.readings}), per tenant: a machine that
 * reports ten times a second reaches a dashboard once per batch window per metric, never as a queue.
 */
@Singleton
public class SensorReadingsView extends StateTopicView<SensorReading> {

    SensorReadingsView(EngineLoop loop, EngineConfig config, MeterRegistry registry) {
        super("sensors", Topics.SENSOR_READINGS, SensorReading.class, SensorReadingsView::key,
                StartPosition.lookback(config.warmupLookback()), ConsumerRecord::key, loop, config, registry);
    }

    static String key(SensorReading reading) {
        return reading.machineId() + "/" + reading.metricName();
    }
}

package io.streamgate.safety.sensors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.streamgate.platform.event.EventTypes;

/** Readings evaluated, alerts and status changes written, machines per status, time per reading. */
@ApplicationScoped
public class SensorMetrics {

    private final MeterRegistry registry;
    private final Counter processed;
    private final Counter malformed;
    private final Timer processing;
    private final Map<String, Integer> machines = new ConcurrentHashMap<>();

    SensorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("streamgate.safety.sensors.readings").tag("outcome", "processed")
                .description("sensor readings evaluated against threshold rules").register(registry);
        this.malformed = Counter.builder("streamgate.safety.sensors.readings").tag("outcome", "malformed")
                .description("sensor readings evaluated against threshold rules").register(registry);
        this.processing = Timer.builder("streamgate.safety.sensors.processing")
                .description("time one reading takes through the threshold rules").register(registry);
        for (String status : new String[] {"healthy", "warning", "critical", "offline"}) {
            machines.put(status, 0);
            registry.gauge("streamgate.safety.machines", io.micrometer.core.instrument.Tags.of("status", status),
                    machines, m -> m.getOrDefault(status, 0));
        }
    }

    public void processed(long nanos) {
        processed.increment();
        processing.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void malformed() {
        malformed.increment();
    }

    public void published(java.util.List<Outbound> records) {
        for (Outbound record : records) {
            if (EventTypes.SENSOR_ALERT.equals(record.type())) {
                registry.counter("streamgate.safety.sensors.alerts",
                        "severity", ((io.streamgate.platform.sensors.SensorAlert) record.payload()).severity())
                        .increment();
            } else if (EventTypes.MACHINE_STATUS.equals(record.type())) {
                registry.counter("streamgate.safety.machines.transitions", "to",
                        ((io.streamgate.platform.sensors.MachineStatus) record.payload()).newStatus()).increment();
            }
        }
    }

    public void machines(Map<String, Integer> byStatus) {
        machines.putAll(byStatus);
    }
}

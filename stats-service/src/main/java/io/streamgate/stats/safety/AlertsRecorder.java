package io.streamgate.stats.safety;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.platform.alerts.AlertAcknowledged;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.kafka.Incoming;
import io.streamgate.stats.kafka.Recorder;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.RedisBatch;

/**
 * {@code alerts.triggered} → the day's aircraft alerts (by id), acknowledgements, and the day's sensor alerts
 * (by alert id). Keyed by id, so a record read twice counts once.
 */
@ApplicationScoped
public class AlertsRecorder implements Recorder {

    private final StatsConfig config;

    AlertsRecorder(StatsConfig config) {
        this.config = config;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.ALERTS_TRIGGERED.name());
    }

    @Override
    public void record(Incoming record, RedisBatch batch) {
        if (record.tombstone() || record.type() == null) {
            throw new IllegalArgumentException("not an alert record");
        }
        String tenant = record.tenant();
        Duration ttl = Days.ttl(config);
        switch (record.type()) {
            case EventTypes.ALERT_TRIGGERED -> {
                AlertTriggered alert = record.as(AlertTriggered.class);
                Instant at = alert.triggeredAt() != null ? alert.triggeredAt() : record.time();
                AlertEntry entry = new AlertEntry(alert.id(), alert.priority(), alert.ruleId(), alert.ruleName());
                batch.hset(SafetyKeys.alerts(tenant, Days.day(at)), Long.toString(alert.id()),
                        new String(Json.encode(entry), StandardCharsets.UTF_8), ttl);
            }
            case EventTypes.ALERT_ACKNOWLEDGED -> {
                AlertAcknowledged acknowledged = record.as(AlertAcknowledged.class);
                if (acknowledged.alertIds() != null) {
                    acknowledged.alertIds().forEach(id -> batch.sadd(SafetyKeys.acknowledged(tenant),
                            Long.toString(id), ttl));
                }
            }
            case EventTypes.SENSOR_ALERT -> {
                SensorAlert alert = record.as(SensorAlert.class);
                Instant at = alert.createdAt() != null ? alert.createdAt() : record.time();
                String id = alert.alertId() != null ? alert.alertId() : record.key() + "@" + at;
                batch.hset(SafetyKeys.sensorAlerts(tenant, Days.day(at)), id,
                        alert.severity() == null ? "unknown" : alert.severity(), ttl);
            }
            default -> throw new IllegalArgumentException("not an alert type: " + record.type());
        }
        batch.tenant(tenant);
    }
}

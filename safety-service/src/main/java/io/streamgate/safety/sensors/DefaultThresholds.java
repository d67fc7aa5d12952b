package io.streamgate.safety.sensors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the alarm limits of the devstack plant ({@code SensorSimulator}) as threshold rules of each
 * {@code seed-tenants} tenant, once per tenant (a Redis marker), so the demo raises alerts and health changes
 * out of the box: per machine and metric a {@code critical} rule above the critical limit held 2 s (the
 * simulator's spikes last 5 readings) and a {@code warning} rule above the warning limit held 10 s.
 */
@ApplicationScoped
public class DefaultThresholds {

    private static final Logger LOG = Logger.getLogger(DefaultThresholds.class);

    /** machine, metric, warning limit, critical limit: the simulator's plant. */
    private record Limit(String machine, String metric, double warning, double critical) {
    }

    static final List<Limit> LIMITS = List.of(
            new Limit("press-7", "temperature", 80, 90), new Limit("press-7", "vibration", 7.1, 11.0),
            new Limit("press-7", "pressure", 210, 230),
            new Limit("cnc-3", "temperature", 70, 85), new Limit("cnc-3", "vibration", 4.5, 7.1),
            new Limit("cnc-3", "spindle_current", 30, 35),
            new Limit("pump-2", "pressure", 8.0, 9.5), new Limit("pump-2", "temperature", 60, 75),
            new Limit("pump-2", "vibration", 4.5, 7.1), new Limit("pump-2", "flow_rate", 55, 60),
            new Limit("compressor-1", "temperature", 95, 105), new Limit("compressor-1", "pressure", 10.0, 11.0),
            new Limit("compressor-1", "vibration", 7.1, 11.0), new Limit("compressor-1", "motor_current", 62, 70));

    private final ThresholdStore store;
    private final SensorsConfig config;

    DefaultThresholds(ThresholdStore store, SensorsConfig config) {
        this.store = store;
        this.config = config;
    }

    void seed(@Observes StartupEvent started) {
        for (String tenant : config.seedTenants()) {
            if (tenant.isBlank()) {
                continue;
            }
            try {
                if (store.claimSeed(tenant)) {
                    rules(Instant.now()).forEach(rule -> store.put(tenant, rule));
                    LOG.infof("seeded %d default threshold rules for tenant %s", LIMITS.size() * 2, tenant);
                }
            } catch (RuntimeException e) {
                // The service still works without the demo rules.
                LOG.warnf("could not seed the default threshold rules of tenant %s: %s", tenant, e.toString());
            }
        }
    }

    /** The default rules; their ids are stable so a second seeding could never duplicate them. */
    static List<ThresholdRule> rules(Instant now) {
        List<ThresholdRule> rules = new ArrayList<>();
        for (Limit limit : LIMITS) {
            String base = "default-" + limit.machine() + "-" + limit.metric();
            rules.add(new ThresholdRule(base + "-critical", limit.machine(), limit.metric(), ThresholdRule.ABOVE,
                    limit.critical(), 2, Severity.CRITICAL, null, now, now));
            rules.add(new ThresholdRule(base + "-warning", limit.machine(), limit.metric(), ThresholdRule.ABOVE,
                    limit.warning(), 10, Severity.WARNING, null, now, now));
        }
        return rules;
    }
}

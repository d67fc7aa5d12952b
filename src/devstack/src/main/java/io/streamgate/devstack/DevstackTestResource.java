package io.streamgate.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared real Kafka broker and Redis, and
 * makes it accept tokens signed by {@link DevCredentials#tokenFor}. Dev
 * Services stay off: there is no Docker on these machines, and the real parts are right here.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Devstack.sharedServiceConfig());
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.redis.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by Devstack's shutdown hook.
    }
}

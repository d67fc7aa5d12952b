package io.streamgate.devstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared real Kafka broker and Redis. Dev
 * Services stay off: there is no Docker on these machines, and the real parts are right here.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Devstack stack = Devstack.shared();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "quarkus.redis.hosts", stack.redis().uri(),
                "quarkus.devservices.enabled", "false",
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.redis.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by Devstack's shutdown hook.
    }
}

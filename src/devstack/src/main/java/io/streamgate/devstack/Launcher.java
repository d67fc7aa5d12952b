package io.streamgate.devstack;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.streamgate.devstack.traffic.TrafficConfig;
import io.streamgate.devstack.traffic.TrafficGenerator;
import io.streamgate.devstack.traffic.TrafficSource;

import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;

/**
 * The README's run command: Kafka, Redis and the four services on this machine, until Ctrl-C.
 * Services listen on their default ports (gateway 8080, ingest 8081, safety 8082, stats 8083). Unless
 * {@code -Dstreamgate.traffic=false}, demo traffic flows in through ingest (see {@link TrafficSource}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        System.out.println("StreamGate: starting Kafka, Redis and four services ...");
        TrafficConfig traffic = TrafficConfig.fromSystem();
        Stack stack = Stack.start(true);
        AtomicReference<TrafficSource> trafficSource = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStreamGate: stopping ...");
            // The traffic first, so that no post meets an ingest that is going away.
            TrafficSource running = trafficSource.getAndSet(null);
            if (running != null) {
                running.close();
            }
            stack.close();
            stopped.countDown();
        }, "streamgate-stop"));

        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        String token = stack.infrastructure().credentials().token(Identity.DEFAULT_TENANT, "devstack-admin",
                Set.of(Role.TENANT_ADMIN), Duration.ofHours(24));
        String apiKey = DevApiKey.create(stack.url(Service.INGEST), token);
        DevUsers.create(stack.url(Service.INGEST), token);
        System.out.printf("%nStreamGate is up in %.1f s%n", startup.toMillis() / 1000.0);
        System.out.printf("  Kafka      %s%n", stack.infrastructure().kafka().bootstrapServers());
        System.out.printf("  Redis      %s%n", stack.infrastructure().redis().uri());
        for (Service service : Service.values()) {
            System.out.printf("  %-15s %s   (pid %d)%n", service.module(), stack.url(service),
                    stack.process(service).pid());
        }
        System.out.printf("  Dashboard  %s/?token=%s%n", stack.url(Service.GATEWAY), token);
        System.out.printf("  WebSocket  ws://127.0.0.1:%d/ws/aircraft/%n", Service.GATEWAY.defaultPort());
        System.out.printf("  Dev token  %s%n", token);
        System.out.printf("             (tenant 'default', tenant_admin, 24 h; signed by this run's throw-away key)%n");
        System.out.printf("  API key    %s   (tenant 'default', user)%n", apiKey);
        System.out.printf("  Demo login curl -XPOST -H 'Fiware-Service: %s' -H 'Content-Type: application/json' "
                + "-d '{\"username\":\"%s\",\"password\":\"%s\"}' %s/auth/login%n", DevUsers.TENANT,
                DevUsers.EMAIL, DevUsers.DEMO_PASSWORD, stack.url(Service.GATEWAY));
        System.out.printf("             (DEMO password, tenant '%s', user; GeonicDB stream ws://127.0.0.1:%d/?tenant=%s)%n",
                DevUsers.TENANT, Service.GATEWAY.defaultPort(), DevUsers.TENANT);
        System.out.printf("  Post data  curl -XPOST -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' "
                + "--data-binary @data/adsb/dump1090-fa-aircraft.json %s/v1/aircraft%n", apiKey,
                stack.url(Service.INGEST));
        System.out.printf("  Logs       %s%n", stack.logDir());
        startTraffic(traffic, stack.url(Service.INGEST), apiKey, trafficSource);
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** Demo traffic through ingest's public API with the run's API key; it never stops the launcher. */
    private static void startTraffic(TrafficConfig config, URI ingest, String apiKey,
            AtomicReference<TrafficSource> running) {
        if (!config.enabled()) {
            System.out.printf("  Traffic    off (-D%s=false)%n", TrafficConfig.ENABLED);
            return;
        }
        try {
            TrafficSource source = TrafficSource.start(ingest, apiKey, config, System.out::println);
            running.set(source);
            System.out.printf("  Traffic    seed %d; turn off with -D%s=false%n", config.seed(), TrafficConfig.ENABLED);
            for (TrafficGenerator generator : source.generators()) {
                System.out.printf("             %-9s %s%n", generator.name(), generator.describe());
            }
        } catch (RuntimeException e) {
            System.out.println("  Traffic    not started: " + e.getMessage());
        }
    }
}

package io.streamgate.devstack;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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
        AtomicReference<DemoWebhookReceiver> webhooks = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        long[] stopping = new long[1];
        // Ctrl-C reaches this JVM alone (every child runs in a session of its own): the traffic stops first, so
        // no post meets an ingest that is going away; then the services together; then Kafka and Redis.
        ShutdownOrder.register(ShutdownOrder.Stage.TRAFFIC, () -> {
            stopping[0] = System.nanoTime();
            System.out.println("\nStreamGate: stopping the traffic, then the services, then Kafka and Redis ...");
            TrafficSource running = trafficSource.getAndSet(null);
            if (running != null) {
                running.close();
            }
        });
        ShutdownOrder.register(ShutdownOrder.Stage.INFRASTRUCTURE, stack::close);
        // After the services: a safety-service draining its deliveries still finds the receiver.
        ShutdownOrder.register(ShutdownOrder.Stage.INFRASTRUCTURE, () -> {
            DemoWebhookReceiver receiver = webhooks.getAndSet(null);
            if (receiver != null) {
                receiver.close();
            }
        });
        ShutdownOrder.register(ShutdownOrder.Stage.DONE, () -> {
            System.out.printf("StreamGate: stopped in %.1f s%n", (System.nanoTime() - stopping[0]) / 1e9);
            stopped.countDown();
        });

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
        System.out.printf("  Shell      export TOKEN=%s API_KEY=%s%n", token, apiKey);
        System.out.printf("  Logs       %s%n", stack.logDir());
        System.out.printf("  Data       %s   (Kafka and Redis; removed when the stack stops)%n",
                stack.infrastructure().home());
        if (traffic.enabled()) {
            startDemoWorkflows(stack.url(Service.SAFETY), token, webhooks);
        }
        startTraffic(traffic, stack.url(Service.INGEST), apiKey, trafficSource);
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /**
     * The demo workflows and their local webhook receiver, before the traffic starts so the first geofence
     * events already run them; the stack works without them.
     */
    private static void startDemoWorkflows(URI safety, String token, AtomicReference<DemoWebhookReceiver> running) {
        DemoWebhookReceiver receiver = null;
        try {
            int failEvery = DemoWorkflows.failEvery();
            receiver = new DemoWebhookReceiver(failEvery, System.out::println);
            List<String> created = DemoWorkflows.create(safety, token, receiver);
            running.set(receiver);
            System.out.printf("  Workflows  %s%n", String.join(", ", created));
            System.out.printf("             webhooks to %s, every %s call answered 503 (-D%s)%n",
                    receiver.url("/hooks/"), failEvery > 0 ? failEvery + "th" : "no", DemoWorkflows.FAIL_EVERY);
        } catch (RuntimeException e) {
            if (receiver != null) {
                receiver.close();
            }
            System.out.println("  Workflows  not created: " + e.getMessage());
        }
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

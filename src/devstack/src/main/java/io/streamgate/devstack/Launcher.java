package io.streamgate.devstack;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: Kafka, Redis and the four services on this machine, until Ctrl-C.
 * Services listen on their default ports (gateway 8080, ingest 8081, safety 8082, stats 8083).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        System.out.println("StreamGate: starting Kafka, Redis and four services ...");
        Stack stack = Stack.start(true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStreamGate: stopping ...");
            stack.close();
            stopped.countDown();
        }, "streamgate-stop"));

        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%nStreamGate is up in %.1f s%n", startup.toMillis() / 1000.0);
        System.out.printf("  Kafka      %s%n", stack.infrastructure().kafka().bootstrapServers());
        System.out.printf("  Redis      %s%n", stack.infrastructure().redis().uri());
        for (Service service : Service.values()) {
            System.out.printf("  %-15s %s   (pid %d)%n", service.module(), stack.url(service),
                    stack.process(service).pid());
        }
        System.out.printf("  WebSocket  ws://127.0.0.1:%d/ws/aircraft/%n", Service.GATEWAY.defaultPort());
        System.out.printf("  Post data  curl -XPOST -H 'Content-Type: application/json' "
                + "--data-binary @../shared/data/adsb/dump1090-fa-aircraft.json %s/v1/aircraft%n",
                stack.url(Service.INGEST));
        System.out.printf("  Logs       %s%n", stack.logDir());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}

package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.WebSocketProbe;

/**
 * What a Kubernetes drain does to the gateway's clients: SIGTERM to the packaged gateway (as the kubelet sends it),
 * and every WebSocket is closed with the dialect's going-away code, every SSE stream ends with a last
 * {@code retry:}, and the process exits well inside the chart's terminationGracePeriodSeconds.
 */
class GatewayDrainIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** quarkus.shutdown.timeout (10 s, src/platform's defaults) plus the JVM's own exit: the chart gives 45 s. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(20);

    private static Stack stack;

    @BeforeAll
    static void startGateway() {
        stack = Stack.start(false, EnumSet.of(Service.GATEWAY));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void sigtermClosesWebSocketsGoingAwayEndsStreamsWithRetryAndExits() throws Exception {
        URI gateway = stack.url(Service.GATEWAY);
        try (WebSocketProbe webSocket = WebSocketProbe.connect(
                URI.create(gateway.toString().replaceFirst("^http", "ws")).resolve("/ws/aircraft/"));
                SseProbe sse = SseProbe.open(gateway.resolve("/sse/aircraft/"), Map.of())) {
            assertNotNull(webSocket.next(WAIT), "the WebSocket's first frame");
            assertEquals(200, sse.status());
            assertNotNull(sse.next(event -> true, WAIT), "the stream's first event");
            assertEquals(3000, sse.lastRetry(), "the stream's opening retry:");

            ProcessHandle process = ProcessHandle.of(stack.process(Service.GATEWAY).pid()).orElseThrow();
            long start = System.nanoTime();
            assertTrue(process.destroy(), "SIGTERM sent");

            // SkySpy's going-away close code is 1001 (SkySpyCloseCodes.GOING_AWAY).
            assertEquals(1001, webSocket.awaitClose(EXIT_WITHIN));
            sse.untilEnd(EXIT_WITHIN);
            assertEquals(1000, sse.lastRetry(), "the last retry: (streamgate.gateway.sse.drain-retry)");
            process.onExit().get(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("gateway drain: SIGTERM to exit in %d ms%n", millis);
        }
    }
}

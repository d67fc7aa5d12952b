package io.streamgate.gateway.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.concurrent.EventExecutor;
import io.streamgate.gateway.engine.EngineConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/** One {@link EventLoopWriter} per event loop, shared by the sockets that live on it. */
@ApplicationScoped
public class EventLoopWriters {

    private final Map<EventExecutor, EventLoopWriter> writers = new ConcurrentHashMap<>();
    private final TransportMetrics metrics;
    private final int writesPerTurn;

    EventLoopWriters(TransportMetrics metrics, EngineConfig config) {
        this.metrics = metrics;
        this.writesPerTurn = config.writesPerTurn();
    }

    /**
     * The writer of the event loop of the connection being served: a connection's context (also the
     * worker-thread context of a blocking callback) runs on the event loop of its channel.
     */
    EventLoopWriter ofCurrentConnection() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal connection)) {
            throw new IllegalStateException("not on a connection's Vert.x context");
        }
        return writers.computeIfAbsent(connection.nettyEventLoop(),
                loop -> new EventLoopWriter(loop, writesPerTurn, metrics::sent));
    }
}

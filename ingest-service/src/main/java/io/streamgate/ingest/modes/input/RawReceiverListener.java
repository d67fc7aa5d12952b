package io.streamgate.ingest.modes.input;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * Listens for one receiver's pushed stream ({@code readsb --net-connector <ingest>,<port>,beast_out}). Each
 * connection gets its own framer, so a client that sends garbage harms only its own stream; the listener
 * itself stays up whatever arrives.
 */
final class RawReceiverListener {

    private static final Logger LOG = Logger.getLogger(RawReceiverListener.class);

    private final ReceiverSettings receiver;
    private final NetServer server;

    RawReceiverListener(Vertx vertx, ReceiverSettings receiver, RawConfig config, TenantDecoder decoder,
            RawConnection.ReceiverMetrics metrics) {
        this.receiver = receiver;
        this.server = vertx.createNetServer(new NetServerOptions().setHost(receiver.listenHost())
                .setPort(receiver.listenPort()).setIdleTimeout((int) config.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setTcpKeepAlive(true));
        server.connectHandler(socket -> {
            metrics.connected.increment();
            LOG.infof("raw receiver %s: %s connected", receiver.name(), socket.remoteAddress());
            RawConnection connection = new RawConnection(receiver, decoder, metrics);
            socket.handler(connection::handle);
            socket.exceptionHandler(e -> LOG.debugf("raw receiver %s: %s", receiver.name(), e.toString()));
            socket.closeHandler(closed -> {
                connection.ended();
                metrics.lost.increment();
                LOG.infof("raw receiver %s: %s disconnected", receiver.name(), socket.remoteAddress());
            });
        });
    }

    Future<NetServer> start() {
        return server.listen().onSuccess(s -> LOG.infof("raw receiver %s: listening on %s:%d (%s)", receiver.name(),
                receiver.listenHost(), s.actualPort(), receiver.format().name().toLowerCase()));
    }

    /** The bound port (the configured one, or the one the system chose for 0). */
    int port() {
        return server.actualPort();
    }

    void stop() {
        server.close();
    }
}

package io.streamgate.ingest.modes.input;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.streamgate.ingest.adsb.sbs.Backoff;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * Dials one receiver's raw port and keeps the stream open for the life of the service: on a refused
 * connection, a close or an idle timeout it waits (exponential backoff) and dials again.
 */
final class RawReceiverClient {

    private static final Logger LOG = Logger.getLogger(RawReceiverClient.class);

    private final Vertx vertx;
    private final ReceiverSettings receiver;
    private final TenantDecoder decoder;
    private final RawConnection.ReceiverMetrics metrics;
    private final Backoff backoff;
    private final NetClient client;
    private volatile boolean stopped;
    private volatile NetSocket socket;
    private int failuresInARow;

    RawReceiverClient(Vertx vertx, ReceiverSettings receiver, RawConfig config, TenantDecoder decoder,
            RawConnection.ReceiverMetrics metrics) {
        this.vertx = vertx;
        this.receiver = receiver;
        this.decoder = decoder;
        this.metrics = metrics;
        this.backoff = new Backoff(config.reconnectInitialDelay(), config.reconnectMaxDelay());
        this.client = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setTcpKeepAlive(true));
    }

    void start() {
        connect();
    }

    void stop() {
        stopped = true;
        NetSocket current = socket;
        if (current != null) {
            current.close();
        }
        client.close();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        client.connect(receiver.connect().port(), receiver.connect().host()).onComplete(attempt -> {
            if (attempt.failed()) {
                metrics.connectFailed.increment();
                if (failuresInARow++ == 0) {
                    LOG.warnf("raw receiver %s: cannot connect to %s (%s); retrying with backoff", receiver.name(),
                            receiver.connect(), attempt.cause().toString());
                }
                retry();
                return;
            }
            NetSocket opened = attempt.result();
            socket = opened;
            failuresInARow = 0;
            metrics.connected.increment();
            LOG.infof("raw receiver %s: connected to %s (%s)", receiver.name(), receiver.connect(),
                    receiver.format().name().toLowerCase());
            RawConnection connection = new RawConnection(receiver, decoder, metrics);
            opened.handler(chunk -> {
                backoff.reset();
                connection.handle(chunk);
            });
            opened.exceptionHandler(e -> LOG.debugf("raw receiver %s: %s", receiver.name(), e.toString()));
            opened.closeHandler(closed -> {
                connection.ended();
                socket = null;
                if (!stopped) {
                    metrics.lost.increment();
                    LOG.warnf("raw receiver %s: connection to %s ended; reconnecting", receiver.name(),
                            receiver.connect());
                    retry();
                }
            });
        });
    }

    private void retry() {
        if (stopped) {
            return;
        }
        Duration delay = backoff.next();
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> connect());
    }
}

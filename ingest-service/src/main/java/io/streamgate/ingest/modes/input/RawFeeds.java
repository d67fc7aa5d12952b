package io.streamgate.ingest.modes.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.ingest.adsb.AircraftPositionWriter;
import io.streamgate.ingest.kafka.EventWriter;
import io.vertx.core.Vertx;

/**
 * Starts the configured raw receivers (dialled or listened for), one decoder per tenant, and the outbox
 * thread that writes their records; stops them before the Kafka producer closes.
 */
@ApplicationScoped
public class RawFeeds {

    private static final Logger LOG = Logger.getLogger(RawFeeds.class);

    private final RawConfig config;
    private final Vertx vertx;
    private final AircraftPositionWriter positions;
    private final EventWriter events;
    private final MeterRegistry registry;
    private final List<RawReceiverClient> clients = new ArrayList<>();
    private final Map<String, RawReceiverListener> listeners = new HashMap<>();
    private RawOutbox outbox;
    private Thread outboxThread;

    RawFeeds(RawConfig config, Vertx vertx, AircraftPositionWriter positions, EventWriter events,
            MeterRegistry registry) {
        this.config = config;
        this.vertx = vertx;
        this.positions = positions;
        this.events = events;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) throws Exception {
        if (!config.enabled()) {
            LOG.debug("raw Mode S feeds are off (streamgate.ingest.raw.enabled)");
            return;
        }
        List<ReceiverSettings> receivers = new ArrayList<>();
        config.receivers().forEach((name, receiver) -> receivers.add(ReceiverSettings.of(name, receiver)));
        if (receivers.isEmpty()) {
            LOG.warn("streamgate.ingest.raw.enabled but no receiver configured (streamgate.ingest.raw.receivers.*)");
            return;
        }
        if (config.batchSize() < 1 || config.maxPending() < 1) {
            throw new IllegalArgumentException("streamgate.ingest.raw: batch-size and max-pending must be positive");
        }
        outbox = new RawOutbox(config.maxPending(), config.batchSize(), positions, events, registry);
        outboxThread = new Thread(outbox, "raw-adsb-outbox");
        outboxThread.setDaemon(true);
        outboxThread.start();
        Map<String, TenantDecoder> tenants = new HashMap<>();
        for (ReceiverSettings receiver : receivers) {
            TenantDecoder decoder = tenants.computeIfAbsent(receiver.tenant(),
                    tenant -> new TenantDecoder(tenant, config, outbox, registry));
            RawConnection.ReceiverMetrics metrics = new RawConnection.ReceiverMetrics(receiver, registry);
            if (receiver.connect() != null) {
                RawReceiverClient client = new RawReceiverClient(vertx, receiver, config, decoder, metrics);
                clients.add(client);
                client.start();
            } else {
                RawReceiverListener listener = new RawReceiverListener(vertx, receiver, config, decoder, metrics);
                // A port that cannot be bound is a configuration error: fail the start, loudly.
                listener.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                listeners.put(receiver.name(), listener);
            }
        }
        LOG.infof("raw Mode S feeds: %d receiver(s) for tenant(s) %s", receivers.size(), tenants.keySet());
    }

    /** The port a listening receiver is bound to (tests configure port 0). */
    public Optional<Integer> listenPort(String receiver) {
        return Optional.ofNullable(listeners.get(receiver)).map(RawReceiverListener::port);
    }

    void stop(@Observes ShutdownEvent stopping) {
        clients.forEach(RawReceiverClient::stop);
        listeners.values().forEach(RawReceiverListener::stop);
        if (outbox != null) {
            outbox.stop();
            try {
                outboxThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.streamgate.ingest.entities;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.streamgate.ingest.entities.EntityKeys.EntityRef;
import io.streamgate.ingest.entities.EntityStore.EntityLock;
import io.streamgate.ingest.kafka.BrokerUnavailableException;

/**
 * The retry path of {@link EntityService}: announces changes that are stored in Redis but were never
 * acknowledged by Kafka — Kafka was down, or the replica that stored them died before it could publish.
 * Any replica may do it: the entity's lock decides who publishes, so order per entity holds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityStore store;
    private final EntityService service;
    private final EntitiesConfig config;
    private ScheduledExecutorService executor;

    OutboxRelay(EntityStore store, EntityService service, EntitiesConfig config) {
        this.store = store;
        this.service = service;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ngsi-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.outboxRetryInterval().toMillis();
        // Blocking Redis and Kafka calls: this runs on its own thread, never on an event loop.
        executor.scheduleWithFixedDelay(this::relayOnce, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One round over the entities with pending changes; returns how many were fully announced. */
    int relayOnce() {
        int announced = 0;
        try {
            for (EntityRef ref : store.withPendingChanges(config.outboxBatch())) {
                Optional<EntityLock> lock = store.tryLock(ref);
                if (lock.isEmpty()) {
                    // A writer holds the entity; it publishes the outbox itself before its own change.
                    continue;
                }
                try (EntityLock held = lock.get()) {
                    service.announcePending(held.ref());
                    announced++;
                }
            }
        } catch (BrokerUnavailableException e) {
            LOG.warnf("entity changes are still waiting for Kafka; retrying in %s s",
                    config.outboxRetryInterval().toSeconds());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the relay must outlive any one failure.
            LOG.warnf("announcing pending entity changes failed, retrying in %s s: %s",
                    config.outboxRetryInterval().toSeconds(), e.toString());
        }
        if (announced > 0) {
            LOG.infof("announced the pending changes of %d entit%s", announced, announced == 1 ? "y" : "ies");
        }
        return announced;
    }
}

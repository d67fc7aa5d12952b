package io.streamgate.ingest.entities;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.entities.EntityDocuments.NewEntity;
import io.streamgate.ingest.entities.EntityKeys.EntityRef;
import io.streamgate.ingest.entities.EntityStore.EntityLock;
import io.streamgate.ingest.kafka.BrokerUnavailableException;
import io.streamgate.ingest.kafka.EventWriter;
import io.streamgate.ingest.kafka.IngestKafkaConfig;
import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.entities.NgsiAttribute;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * NGSI v2 entity operations: Redis holds the current entities, {@code entities.changes} announces every
 * change.
 *
 * <p>Consistency. Redis is the commit point and Kafka is fed from an outbox in Redis: one Lua script stores
 * the new state and appends the change to the entity's outbox, then the outbox is published and each entry
 * removed once Kafka acknowledged it. So Kafka never announces a change Redis does not hold. The opposite
 * window — stored, not yet announced, because Kafka failed or this process died — is closed by
 * {@link OutboxRelay}, which publishes what is left in any outbox until Kafka takes it (at least once; a
 * re-sent event keeps its CloudEvents id). Kafka first would be worse: an acknowledged record cannot be
 * taken back when the Redis write then fails, and a timed-out send may still land, so no rollback is safe.
 *
 * <p>Concurrency. Every write holds the entity's lock in Redis (SET NX with a TTL, checked again by the
 * commit script) from reading the current state until Kafka acknowledged the change. This serialises
 * writers of one entity across all ingest replicas, which {@code WATCH}/{@code MULTI} alone would not:
 * {@code changedAttributes} is computed against the state the change really replaces, and changes reach
 * Kafka in the order Redis applied them, so a consumer that applies {@code data} in order ends with what
 * Redis holds. A writer publishes the whole outbox oldest first, so a change still pending from an earlier
 * failure goes out before its own. This holds as long as no write outlasts {@code lock-ttl}, which is why
 * that default is well above Kafka's ack timeout; a writer whose lock expired cannot commit any more.
 */
@ApplicationScoped
public class EntityService {

    static final String SOURCE = "/ingest/entities";

    private final EntityStore store;
    private final EventWriter writer;
    private final EntitiesConfig config;
    private final Duration retryAfter;
    private final Counter changesWritten;

    EntityService(EntityStore store, EventWriter writer, EntitiesConfig config, IngestKafkaConfig kafkaConfig,
            MeterRegistry registry) {
        this.store = store;
        this.writer = writer;
        this.config = config;
        this.retryAfter = kafkaConfig.retryAfter();
        this.changesWritten = Counter.builder("streamgate.ingest.records")
                .description("Records acknowledged by Kafka").tag("topic", Topics.ENTITIES_CHANGES.name())
                .register(registry);
    }

    /** @throws NgsiProblemException 422 when an entity with this id exists in the scope */
    public void create(Scope scope, NewEntity entity) {
        EntityRef ref = new EntityRef(scope, entity.id());
        try (EntityLock lock = store.lock(ref)) {
            if (store.load(ref).isPresent()) {
                throw NgsiProblemException.unprocessable("Already Exists: an entity with id '" + entity.id()
                        + "' exists in this service path");
            }
            createLocked(lock, scope, entity);
        }
    }

    /**
     * {@code POST /v2/op/update} with {@code append} or {@code appendStrict}: creates the entity when the
     * scope has none with its id, otherwise adds (and, unless {@code strict}, overwrites) its attributes.
     * One lock covers the check and the write, so two batches creating the same entity cannot both create it.
     *
     * @param type the type the request named, or null; an existing entity of another type is refused (422)
     */
    public void upsert(Scope scope, NewEntity entity, String type, boolean strict) {
        EntityRef ref = new EntityRef(scope, entity.id());
        try (EntityLock lock = store.lock(ref)) {
            StoredEntity current = store.load(ref).orElse(null);
            if (current == null) {
                createLocked(lock, scope, entity);
                return;
            }
            if (type != null && !type.equals(current.type())) {
                throw NgsiProblemException.unprocessable("Already Exists: entity '" + entity.id() + "' has type '"
                        + current.type() + "', not '" + type + "'");
            }
            changeLocked(lock, current, AttributeChanges.append(current.attributes(), entity.attributes(), strict,
                    config.maxAttributes()));
        }
    }

    /** {@code POST /v2/op/update} with {@code delete} and attribute names: removes just those attributes. */
    public void deleteAttributes(EntityRef ref, String type, Set<String> names) {
        change(ref, type, current -> AttributeChanges.remove(current, names));
    }

    private void createLocked(EntityLock lock, Scope scope, NewEntity entity) {
        Instant now = now();
        StoredEntity state = new StoredEntity(entity.id(), entity.type(), entity.attributes(), now, now);
        commitAndAnnounce(lock, state, entity.type(), EntityChange.created(scope.tenant(), scope.servicePath(),
                entity.id(), entity.type(), entity.attributes(), now));
    }

    /**
     * @param type the {@code type} the request named, or null
     * @throws NgsiProblemException 404 when there is no such entity (of that type)
     */
    public StoredEntity get(EntityRef ref, String type) {
        return store.load(ref).filter(e -> type == null || type.equals(e.type()))
                .orElseThrow(EntityService::notFound);
    }

    public List<StoredEntity> list(Scope scope, String type, int offset, int limit) {
        return store.list(scope, type, offset, limit);
    }

    public long count(Scope scope, String type) {
        return store.count(scope, type);
    }

    /** {@code POST /attrs}; {@code strict} is {@code options=append}. */
    public void append(EntityRef ref, String type, Map<String, NgsiAttribute> attributes, boolean strict) {
        change(ref, type, current -> AttributeChanges.append(current, attributes, strict, config.maxAttributes()));
    }

    /** {@code PATCH /attrs}. */
    public void update(EntityRef ref, String type, Map<String, NgsiAttribute> attributes) {
        change(ref, type, current -> AttributeChanges.update(current, attributes));
    }

    /** {@code PUT /attrs}. */
    public void replace(EntityRef ref, String type, Map<String, NgsiAttribute> attributes) {
        change(ref, type, current -> AttributeChanges.replace(current, attributes, config.maxAttributes()));
    }

    public void delete(EntityRef ref, String type) {
        try (EntityLock lock = store.lock(ref)) {
            StoredEntity current = get(ref, type);
            Scope scope = ref.scope();
            commitAndAnnounce(lock, null, current.type(), EntityChange.deleted(scope.tenant(), scope.servicePath(),
                    current.id(), current.type(), current.attributes(), now()));
        }
    }

    /**
     * Publishes the entity's pending changes, oldest first, and forgets each once Kafka acknowledged it. The
     * caller holds the entity's lock, so no one else publishes them in between.
     *
     * @throws BrokerUnavailableException when Kafka does not acknowledge; what is left stays pending
     */
    void announcePending(EntityRef ref) {
        while (true) {
            List<String> pending = store.pending(ref, config.outboxBatch());
            if (pending.isEmpty()) {
                return;
            }
            List<OutboundEvent> events = pending.stream().map(EntityService::outbound).toList();
            writer.writeAll(Topics.ENTITIES_CHANGES, events);
            changesWritten.increment(events.size());
            long left = store.acknowledge(ref, pending);
            // A short page was everything there was; what is left now came from a writer whose lock had expired
            // and is its to publish (or the relay's), so there is no endless loop on a list that never empties.
            if (left == 0 || pending.size() < config.outboxBatch()) {
                return;
            }
        }
    }

    /**
     * A change of an existing entity's attributes. An operation that changes nothing (every attribute already
     * had that type and value) stores nothing and announces nothing: {@code entities.changes} carries changes
     * only, so every {@code entityUpdated} has a non-empty {@code changedAttributes}.
     */
    private void change(EntityRef ref, String type,
            Function<Map<String, NgsiAttribute>, AttributeChanges.Result> operation) {
        try (EntityLock lock = store.lock(ref)) {
            StoredEntity current = get(ref, type);
            changeLocked(lock, current, operation.apply(current.attributes()));
        }
    }

    private void changeLocked(EntityLock lock, StoredEntity current, AttributeChanges.Result result) {
        if (!result.changedAnything()) {
            return;
        }
        Instant now = now();
        Scope scope = lock.ref().scope();
        commitAndAnnounce(lock, current.withAttributes(result.attributes(), now), current.type(),
                EntityChange.updated(scope.tenant(), scope.servicePath(), current.id(), current.type(),
                        result.attributes(), result.changed(), now));
    }

    private void commitAndAnnounce(EntityLock lock, StoredEntity state, String type, EntityChange change) {
        EventEnvelope envelope = EventEnvelope.of(SOURCE, EventTypes.ENTITY_CHANGE, change.timestamp(),
                key(change), change.tenant());
        String entry = new String(Json.encode(new PendingChange(envelope, change)), StandardCharsets.UTF_8);
        if (!store.commit(lock, state, type, entry)) {
            throw NgsiProblemException.unavailable("this write held the entity longer than its lock lasts ("
                    + config.lockTtl().toSeconds() + " s); nothing was written", retryAfter);
        }
        try {
            announcePending(lock.ref());
        } catch (BrokerUnavailableException e) {
            throw new BrokerUnavailableException("the change is stored, but Kafka did not acknowledge its "
                    + "announcement; it will be announced on " + Topics.ENTITIES_CHANGES.name()
                    + " once Kafka is back", e.retryAfter(), e.getCause());
        }
    }

    /** The record key: per-key order is Kafka's only order, and it must hold per entity of a tenant. */
    static String key(EntityChange change) {
        return change.tenant() + "/" + change.entityId();
    }

    private static OutboundEvent outbound(String entry) {
        PendingChange pending = Json.decode(entry.getBytes(StandardCharsets.UTF_8), PendingChange.class);
        return new OutboundEvent(pending.envelope(), Json.encode(pending.change()));
    }

    private static NgsiProblemException notFound() {
        return NgsiProblemException.notFound("The requested entity has not been found. Check type and id");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

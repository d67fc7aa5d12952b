package io.streamgate.ingest.entities;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.streamgate.ingest.entities.EntityKeys.EntityRef;
import io.streamgate.ingest.kafka.IngestKafkaConfig;
import io.streamgate.platform.json.Json;
import io.vertx.mutiny.redis.client.Response;

/**
 * Current entities in Redis, plus each entity's outbox of changes Kafka has not acknowledged yet. Every
 * write of an entity is one Lua script, so the entity, its indexes and its outbox entry change together or
 * not at all. (The scripts touch keys of several entities' slots, so this needs a non-cluster Redis.)
 */
@ApplicationScoped
public class EntityStore {

    private static final Logger LOG = Logger.getLogger(EntityStore.class);

    /**
     * Applies one change if, and only if, the caller still holds the entity's lock: a writer whose lock expired
     * must not overwrite the state a later writer built.
     * KEYS: lock, entity, all-index, type-index, outbox, pending set.
     * ARGV: lock token, 'put' or 'del', entity JSON, entity id, creation score, outbox entry.
     */
    private static final String COMMIT = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            if ARGV[2] == 'del' then
              redis.call('DEL', KEYS[2])
              redis.call('ZREM', KEYS[3], ARGV[4])
              redis.call('ZREM', KEYS[4], ARGV[4])
            else
              redis.call('SET', KEYS[2], ARGV[3])
              redis.call('ZADD', KEYS[3], 'NX', ARGV[5], ARGV[4])
              redis.call('ZADD', KEYS[4], 'NX', ARGV[5], ARGV[4])
            end
            redis.call('RPUSH', KEYS[5], ARGV[6])
            redis.call('SADD', KEYS[6], KEYS[5])
            return 1
            """;

    /**
     * Removes acknowledged entries by value, not by position: even a writer whose lock expired can then
     * only remove what it really published. KEYS: outbox, pending set. ARGV: the published entries.
     */
    private static final String ACKNOWLEDGE = """
            for i = 1, #ARGV do redis.call('LREM', KEYS[1], 1, ARGV[i]) end
            local left = redis.call('LLEN', KEYS[1])
            if left == 0 then redis.call('SREM', KEYS[2], KEYS[1]) end
            return left
            """;

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final EntitiesConfig config;
    private final Duration retryAfter;

    EntityStore(RedisDataSource redis, EntitiesConfig config, IngestKafkaConfig kafkaConfig) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.config = config;
        this.retryAfter = kafkaConfig.retryAfter();
    }

    /** An entity's lock, held by one writer; closing it frees the entity for the next writer. */
    public final class EntityLock implements AutoCloseable {

        private final EntityRef ref;
        private final String token;

        private EntityLock(EntityRef ref, String token) {
            this.ref = ref;
            this.token = token;
        }

        public EntityRef ref() {
            return ref;
        }

        @Override
        public void close() {
            try {
                eval(RELEASE, List.of(EntityKeys.lock(ref.scope(), ref.id())), List.of(token));
            } catch (RuntimeException e) {
                // The lock's TTL frees the entity anyway; the request's own outcome matters more.
                LOG.warnf("could not release the lock of an entity in tenant %s: %s", ref.scope().tenant(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The lock of {@code ref}, if no other writer holds it right now. */
    public Optional<EntityLock> tryLock(EntityRef ref) {
        String token = UUID.randomUUID().toString();
        Response reply = call(() -> redis.execute("SET", EntityKeys.lock(ref.scope(), ref.id()), token, "NX", "PX",
                String.valueOf(config.lockTtl().toMillis())));
        return reply != null && "OK".equals(reply.toString()) ? Optional.of(new EntityLock(ref, token))
                : Optional.empty();
    }

    /**
     * The lock of {@code ref}, waiting up to {@code lock-wait} for the writer that holds it.
     *
     * @throws NgsiProblemException 503 when the wait is over
     */
    public EntityLock lock(EntityRef ref) {
        long end = System.nanoTime() + config.lockWait().toNanos();
        long pauseMillis = 2;
        while (true) {
            Optional<EntityLock> lock = tryLock(ref);
            if (lock.isPresent()) {
                return lock.get();
            }
            if (System.nanoTime() > end) {
                throw NgsiProblemException.unavailable("another write of this entity did not finish within "
                        + config.lockWait().toSeconds() + " s", retryAfter);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw NgsiProblemException.unavailable("interrupted while waiting for the entity", retryAfter);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    public Optional<StoredEntity> load(EntityRef ref) {
        String json = call(() -> values.get(EntityKeys.entity(ref.scope(), ref.id())));
        return Optional.ofNullable(json).map(EntityStore::decode);
    }

    /**
     * Stores {@code state} (or deletes the entity when it is null) and appends {@code outboxEntry} to the
     * entity's outbox, in one step.
     *
     * @param type the entity's type, for its index
     * @return false when {@code lock} had expired, so nothing was written
     */
    public boolean commit(EntityLock lock, StoredEntity state, String type, String outboxEntry) {
        EntityRef ref = lock.ref();
        Scope scope = ref.scope();
        List<String> keys = List.of(EntityKeys.lock(scope, ref.id()), EntityKeys.entity(scope, ref.id()),
                EntityKeys.all(scope), EntityKeys.type(scope, type), EntityKeys.outbox(scope, ref.id()),
                EntityKeys.PENDING);
        List<String> args = state == null
                ? List.of(lock.token, "del", "", ref.id(), "0", outboxEntry)
                : List.of(lock.token, "put", new String(Json.encode(state), StandardCharsets.UTF_8),
                        ref.id(), String.valueOf(state.createdAt().toEpochMilli()), outboxEntry);
        return eval(COMMIT, keys, args).toLong() == 1;
    }

    /** The oldest {@code max} changes of {@code ref} that Kafka has not acknowledged, oldest first. */
    public List<String> pending(EntityRef ref, int max) {
        return call(() -> redis.list(String.class).lrange(EntityKeys.outbox(ref.scope(), ref.id()), 0, max - 1));
    }

    /** Forgets acknowledged changes; returns how many are still pending. */
    public long acknowledge(EntityRef ref, List<String> published) {
        return eval(ACKNOWLEDGE, List.of(EntityKeys.outbox(ref.scope(), ref.id()), EntityKeys.PENDING), published)
                .toLong();
    }

    /** Up to {@code max} entities that have changes Kafka has not acknowledged. */
    public List<EntityRef> withPendingChanges(int max) {
        List<String> outboxes = call(() -> redis.set(String.class).srandmember(EntityKeys.PENDING, max));
        List<EntityRef> refs = new ArrayList<>(outboxes.size());
        for (String key : outboxes) {
            EntityKeys.fromOutbox(key).ifPresent(refs::add);
        }
        return refs;
    }

    /** A page of the scope's entities (of one type, unless {@code type} is null), oldest first. */
    public List<StoredEntity> list(Scope scope, String type, int offset, int limit) {
        String index = type == null ? EntityKeys.all(scope) : EntityKeys.type(scope, type);
        List<String> ids = call(() -> redis.sortedSet(String.class).zrange(index, offset, offset + limit - 1L));
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] keys = ids.stream().map(id -> EntityKeys.entity(scope, id)).toArray(String[]::new);
        Map<String, String> found = call(() -> values.mget(keys));
        List<StoredEntity> page = new ArrayList<>(ids.size());
        for (String key : keys) {
            // Absent when deleted between the two reads: the page is then one shorter, never wrong.
            String json = found.get(key);
            if (json != null) {
                page.add(decode(json));
            }
        }
        return page;
    }

    /** How many entities the scope holds (of one type, unless {@code type} is null). */
    public long count(Scope scope, String type) {
        String index = type == null ? EntityKeys.all(scope) : EntityKeys.type(scope, type);
        return call(() -> redis.sortedSet(String.class).zcard(index));
    }

    private Response eval(String script, List<String> keys, List<String> args) {
        List<String> command = new ArrayList<>(2 + keys.size() + args.size());
        command.add(script);
        command.add(String.valueOf(keys.size()));
        command.addAll(keys);
        command.addAll(args);
        return call(() -> redis.execute("EVAL", command.toArray(String[]::new)));
    }

    private <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (NgsiProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Redis operation failed: %s", e.toString());
            throw NgsiProblemException.unavailable("Redis did not answer", retryAfter);
        }
    }

    private static StoredEntity decode(String json) {
        return Json.decode(json.getBytes(StandardCharsets.UTF_8), StoredEntity.class);
    }
}

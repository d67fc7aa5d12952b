package io.streamgate.ingest.entities;

import java.util.Optional;

/**
 * The Redis layout of NGSI entities. Every key of a scope starts with
 * {@code streamgate:ngsi:<tenant>:<servicePath>:} followed by a kind and, last, the entity id or type. Tenants
 * and service paths cannot contain ':', and the kind comes before the id, so ids that contain ':' (URNs)
 * cannot make one key look like another.
 */
public final class EntityKeys {

    static final String PREFIX = "streamgate:ngsi:";
    /** Set of the outbox keys that hold changes Kafka has not acknowledged yet, across all tenants. */
    static final String PENDING = "streamgate:ngsi-outbox-pending";

    private EntityKeys() {
    }

    /** String: the entity's {@link StoredEntity} JSON. */
    public static String entity(Scope scope, String id) {
        return scope(scope) + "entity:" + id;
    }

    /** Sorted set of the scope's entity ids, scored by creation time. */
    public static String all(Scope scope) {
        return scope(scope) + "entities";
    }

    /** Sorted set of the scope's entity ids of one type, scored by creation time. */
    public static String type(Scope scope, String type) {
        return scope(scope) + "type:" + type;
    }

    /** String: the token of the writer that holds the entity. */
    public static String lock(Scope scope, String id) {
        return scope(scope) + "lock:" + id;
    }

    /** List: the entity's changes not yet acknowledged by Kafka, oldest first. */
    public static String outbox(Scope scope, String id) {
        return scope(scope) + "outbox:" + id;
    }

    /** The scope and entity id of an {@link #outbox} key, or empty for anything else. */
    static Optional<EntityRef> fromOutbox(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split(":", 4);
        if (parts.length != 4 || !"outbox".equals(parts[2]) || parts[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EntityRef(new Scope(parts[0], parts[1]), parts[3]));
    }

    private static String scope(Scope scope) {
        return PREFIX + scope.tenant() + ":" + scope.servicePath() + ":";
    }

    /** One entity, wherever it lives. */
    public record EntityRef(Scope scope, String id) {
    }
}

package io.streamgate.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.streamgate.ingest.entities.EntityKeys.EntityRef;

class EntityKeysTest {

    private final Scope scope = new Scope("smartcity", "/Madrid/Gardens");

    @Test
    void keysAreNamespacedByTenantAndServicePath() {
        assertEquals("streamgate:ngsi:smartcity:/Madrid/Gardens:entity:urn:ngsi-ld:Room:001",
                EntityKeys.entity(scope, "urn:ngsi-ld:Room:001"));
        assertNotEquals(EntityKeys.entity(scope, "r1"), EntityKeys.entity(new Scope("other", "/Madrid/Gardens"), "r1"));
        assertNotEquals(EntityKeys.entity(scope, "r1"), EntityKeys.entity(new Scope("smartcity", "/"), "r1"));
    }

    @Test
    void anIdContainingAKindCannotCollideWithAnotherKey() {
        assertNotEquals(EntityKeys.lock(scope, "x"), EntityKeys.entity(scope, "x:lock"));
        assertNotEquals(EntityKeys.lock(scope, "x"), EntityKeys.entity(scope, "lock:x"));
        assertTrue(EntityKeys.entity(scope, "lock:x").contains(":entity:lock:x"));
    }

    @Test
    void theRelayFindsTheEntityBehindAnOutboxKey() {
        EntityRef ref = new EntityRef(scope, "urn:ngsi-ld:Room:001");
        assertEquals(Optional.of(ref), EntityKeys.fromOutbox(EntityKeys.outbox(scope, ref.id())));
        assertEquals(Optional.empty(), EntityKeys.fromOutbox(EntityKeys.entity(scope, ref.id())));
        assertEquals(Optional.empty(), EntityKeys.fromOutbox("something:else"));
    }
}

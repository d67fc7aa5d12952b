package io.streamgate.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void onlyASuperAdminCrossesTenants() {
        Identity admin = new Identity("acme", "root", Set.of(Role.SUPER_ADMIN), false);
        Identity tenantAdmin = new Identity("acme", "alice", Set.of(Role.TENANT_ADMIN), false);
        Identity user = new Identity("acme", "bob", Set.of(Role.USER), false);

        assertTrue(admin.mayAccessTenant("globex"));
        assertFalse(tenantAdmin.mayAccessTenant("globex"));
        assertFalse(user.mayAccessTenant("globex"));
        assertTrue(user.mayAccessTenant("acme"));
    }

    @Test
    void rolesHaveTheWireNamesTokensCarry() {
        assertEquals(Role.TENANT_ADMIN, Role.fromWireName("tenant_admin").orElseThrow());
        assertEquals("super_admin", Role.SUPER_ADMIN.wireName());
        assertTrue(Role.fromWireName("root").isEmpty());
    }

    @Test
    void anonymousCallersHaveNoRoles() {
        Identity anonymous = Identity.anonymous(Identity.DEFAULT_TENANT);
        assertTrue(anonymous.isAnonymous());
        assertFalse(anonymous.mayAccessTenant("other"));
    }

    @Test
    void anIdentityNeedsATenant() {
        assertThrows(IllegalArgumentException.class, () -> new Identity("", "x", Set.of(), false));
    }
}

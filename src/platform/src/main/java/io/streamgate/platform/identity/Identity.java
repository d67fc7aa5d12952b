package io.streamgate.platform.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, as every service and every dialect sees it, whether the caller presented a JWT or
 * an API key.
 *
 * @param tenant    the tenant the caller belongs to
 * @param subject   the user or service account id
 * @param roles     what it may do
 * @param superuser SpatialFlow's {@code is_superuser} flag (its admin channel); independent of roles
 */
public record Identity(String tenant, String subject, Set<Role> roles, boolean superuser) {

    /** The tenant anonymous callers and single-tenant deployments use. */
    public static final String DEFAULT_TENANT = "default";

    public Identity {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("an identity needs a tenant");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** An unauthenticated caller of a public deployment. */
    public static Identity anonymous(String tenant) {
        return new Identity(tenant, "anonymous", Set.of(), false);
    }

    public boolean isAnonymous() {
        return roles.isEmpty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Only a super admin crosses tenants; everyone else sees its own tenant only. */
    public boolean mayAccessTenant(String otherTenant) {
        return hasRole(Role.SUPER_ADMIN) || tenant.equals(otherTenant);
    }
}

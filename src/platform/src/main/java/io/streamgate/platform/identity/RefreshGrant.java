package io.streamgate.platform.identity;

import java.util.Set;

/**
 * Who a refresh token was issued to, stored under the token's hash until it is used, revoked or expires.
 * Roles are stored by their wire names (see {@link Role}), as tokens carry them.
 */
public record RefreshGrant(String tenant, String subject, Set<Role> roles, boolean superuser) {

    static RefreshGrant of(Identity identity) {
        return new RefreshGrant(identity.tenant(), identity.subject(), identity.roles(), identity.superuser());
    }

    Identity identity() {
        return new Identity(tenant, subject, roles, superuser);
    }
}

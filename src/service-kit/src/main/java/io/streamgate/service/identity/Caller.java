package io.streamgate.service.identity;

import jakarta.enterprise.context.RequestScoped;

import io.streamgate.platform.identity.Identity;

/**
 * Who is making the current request. Every write is scoped to {@code identity().tenant()}.
 * Resolved from the request's credentials by the authentication filter.
 */
@RequestScoped
public class Caller {

    private Identity identity = Identity.anonymous(Identity.DEFAULT_TENANT);

    public Identity identity() {
        return identity;
    }

    public String tenant() {
        return identity.tenant();
    }

    void authenticate(Identity identity) {
        this.identity = identity;
    }
}

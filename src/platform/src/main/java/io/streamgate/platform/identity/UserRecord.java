package io.streamgate.platform.identity;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user who logs in with a password ({@code POST /auth/login}), stored per tenant.
 *
 * @param username     unique in the tenant; the token's subject
 * @param email        optional, also unique in the tenant; either name logs in
 * @param passwordHash a BCrypt hash ({@link Passwords}); the password itself is never stored
 */
public record UserRecord(
        @JsonProperty("tenant") String tenant,
        @JsonProperty("username") String username,
        @JsonProperty("email") String email,
        @JsonProperty("password_hash") String passwordHash,
        @JsonProperty("roles") Set<Role> roles,
        @JsonProperty("created_at") Instant createdAt) {

    public Identity identity() {
        return new Identity(tenant, username, roles, false);
    }
}

package io.streamgate.platform.identity;

import java.time.Instant;

/**
 * A verified caller.
 *
 * @param identity  who it is
 * @param expiresAt when the credential stops being valid (a JWT's {@code exp}); null for API keys,
 *                  which are valid until revoked
 */
public record Authenticated(Identity identity, Instant expiresAt) {
}

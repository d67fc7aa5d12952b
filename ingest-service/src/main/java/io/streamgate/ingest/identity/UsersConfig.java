package io.streamgate.ingest.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How password users are created. */
@ConfigMapping(prefix = "streamgate.ingest.users")
public interface UsersConfig {

    /** BCrypt's log2 work factor for new password hashes; each step doubles the work of a login. */
    @WithDefault("10")
    int bcryptCost();

    /** Shortest password accepted. */
    @WithDefault("8")
    int minPasswordLength();
}

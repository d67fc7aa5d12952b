package io.streamgate.platform.identity;

/** The Redis layout of identity data, shared by every service that authenticates callers. */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** String key holding the JSON {@link ApiKeyRecord} of the API key with this hash. */
    public static String apiKey(String hash) {
        return "streamgate:apikey:" + hash;
    }

    /** Hash of key id → key hash, per tenant: lists and revokes a tenant's keys. */
    public static String tenantApiKeys(String tenant) {
        return "streamgate:tenant:" + tenant + ":apikeys";
    }

    /** String key holding the JSON {@link RefreshGrant} of the refresh token with this hash, expiring with it. */
    public static String refreshToken(String hash) {
        return "streamgate:refresh:" + hash;
    }
}

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

    /** Hash of username → JSON {@link UserRecord}, per tenant: the password users of {@code POST /auth/login}. */
    public static String users(String tenant) {
        return "streamgate:tenant:" + tenant + ":users";
    }

    /** Hash of lower-case e-mail → username, per tenant: lets a user log in with either. */
    public static String userEmails(String tenant) {
        return "streamgate:tenant:" + tenant + ":user-emails";
    }
}

package io.streamgate.platform.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.streamgate.platform.json.Json;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Refresh tokens in Redis, under their hash only ({@link RedisKeys#refreshToken}), expiring with the token.
 * Taking one is {@code GETDEL}: of two concurrent refreshes with the same token exactly one wins, which is
 * what makes a refresh token single-use.
 */
public final class RedisRefreshTokens {

    private final Redis redis;

    public RedisRefreshTokens(Redis redis) {
        this.redis = redis;
    }

    CompletionStage<Void> save(String hash, RefreshGrant grant, Duration ttl) {
        return redis.send(Request.cmd(Command.SET).arg(RedisKeys.refreshToken(hash)).arg(Json.encode(grant))
                .arg("EX").arg(Math.max(1, ttl.toSeconds())))
                .<Void>mapEmpty().toCompletionStage();
    }

    /** The grant, removed in the same step; empty when unknown, used, revoked or expired. */
    CompletionStage<Optional<RefreshGrant>> take(String hash) {
        return redis.send(Request.cmd(Command.GETDEL).arg(RedisKeys.refreshToken(hash)))
                .map(value -> value == null ? Optional.<RefreshGrant>empty()
                        : Optional.of(Json.decode(value.toBytes(), RefreshGrant.class)))
                .toCompletionStage();
    }

    CompletionStage<Void> delete(String hash) {
        return redis.send(Request.cmd(Command.DEL).arg(RedisKeys.refreshToken(hash))).<Void>mapEmpty()
                .toCompletionStage();
    }
}

package io.streamgate.platform.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.streamgate.platform.json.Json;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Password users in Redis ({@link RedisKeys#users}, {@link RedisKeys#userEmails}): written by ingest's admin
 * endpoint, read by the gateway's login. E-mail addresses are compared without letter case.
 */
public final class RedisUserStore {

    private final Redis redis;

    public RedisUserStore(Redis redis) {
        this.redis = redis;
    }

    /**
     * Stores the user unless the tenant has one of that username or e-mail already.
     *
     * @return false when the name or e-mail is taken; nothing is written then
     */
    public CompletionStage<Boolean> create(UserRecord user) {
        String users = RedisKeys.users(user.tenant());
        String emails = RedisKeys.userEmails(user.tenant());
        String email = user.email() == null ? null : user.email().toLowerCase(Locale.ROOT);
        // One script, so the two uniqueness checks and both writes cannot interleave with another creation.
        String script = """
                if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
                if ARGV[3] ~= '' and redis.call('HEXISTS', KEYS[2], ARGV[3]) == 1 then return 0 end
                redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
                if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[3], ARGV[1]) end
                return 1""";
        return redis.send(Request.cmd(Command.EVAL).arg(script).arg(2).arg(users).arg(emails).arg(user.username())
                .arg(Json.encode(user)).arg(email == null ? "" : email))
                .map(created -> created.toInteger() == 1).toCompletionStage();
    }

    /** The user whose username or e-mail is {@code login}, in that tenant. */
    public CompletionStage<Optional<UserRecord>> find(String tenant, String login) {
        String users = RedisKeys.users(tenant);
        Future<String> username = login.indexOf('@') < 0 ? Future.succeededFuture(login)
                : redis.send(Request.cmd(Command.HGET).arg(RedisKeys.userEmails(tenant))
                        .arg(login.toLowerCase(Locale.ROOT)))
                        .map(value -> value == null ? login : value.toString());
        return username.compose(name -> redis.send(Request.cmd(Command.HGET).arg(users).arg(name)))
                .map(value -> value == null ? Optional.<UserRecord>empty()
                        : Optional.of(Json.decode(value.toBytes(), UserRecord.class)))
                .toCompletionStage();
    }

    /** Removes every user of the tenant; for tests and demo resets. */
    public CompletionStage<Void> clear(String tenant) {
        return redis.send(Request.cmd(Command.DEL).arg(RedisKeys.users(tenant)).arg(RedisKeys.userEmails(tenant)))
                .<Void>mapEmpty().toCompletionStage();
    }

}

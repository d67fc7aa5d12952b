package io.streamgate.platform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.streamgate.platform.json.Json;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * API keys in Redis, stored under the key's hash only ({@link RedisKeys}). Written by ingest's admin
 * endpoint, read by every service that authenticates callers; the same class everywhere.
 */
public final class RedisApiKeyStore implements ApiKeyLookup {

    private final Redis redis;

    public RedisApiKeyStore(Redis redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Optional<ApiKeyRecord>> find(String hash) {
        return redis.send(Request.cmd(Command.GET).arg(RedisKeys.apiKey(hash)))
                .map(value -> value == null ? Optional.<ApiKeyRecord>empty()
                        : Optional.of(Json.decode(value.toBytes(), ApiKeyRecord.class)))
                .toCompletionStage();
    }

    /** Stores a new key's record under its hash and lists it under its tenant, atomically. */
    public CompletionStage<Void> save(String hash, ApiKeyRecord record) {
        return redis.batch(List.of(
                Request.cmd(Command.MULTI),
                Request.cmd(Command.SET).arg(RedisKeys.apiKey(hash)).arg(Json.encode(record)),
                Request.cmd(Command.HSET).arg(RedisKeys.tenantApiKeys(record.tenant())).arg(record.id()).arg(hash),
                Request.cmd(Command.EXEC)))
                .<Void>mapEmpty().toCompletionStage();
    }

    /** @return true when the tenant had a key with this id, which no longer works */
    public CompletionStage<Boolean> revoke(String tenant, String id) {
        String index = RedisKeys.tenantApiKeys(tenant);
        return redis.send(Request.cmd(Command.HGET).arg(index).arg(id)).compose(hash -> {
            if (hash == null) {
                return Future.succeededFuture(false);
            }
            return redis.batch(List.of(
                    Request.cmd(Command.MULTI),
                    Request.cmd(Command.DEL).arg(RedisKeys.apiKey(hash.toString())),
                    Request.cmd(Command.HDEL).arg(index).arg(id),
                    Request.cmd(Command.EXEC))).map(done -> true);
        }).toCompletionStage();
    }

    /** The tenant's keys, without the keys themselves. */
    public CompletionStage<List<ApiKeyRecord>> list(String tenant) {
        return redis.send(Request.cmd(Command.HVALS).arg(RedisKeys.tenantApiKeys(tenant))).compose(hashes -> {
            if (hashes == null || hashes.size() == 0) {
                return Future.succeededFuture(List.<ApiKeyRecord>of());
            }
            Request get = Request.cmd(Command.MGET);
            for (Response hash : hashes) {
                get.arg(RedisKeys.apiKey(hash.toString()));
            }
            return redis.send(get).map(values -> {
                List<ApiKeyRecord> records = new ArrayList<>();
                for (Response value : values) {
                    if (value != null) {
                        records.add(Json.decode(value.toBytes(), ApiKeyRecord.class));
                    }
                }
                return records;
            });
        }).toCompletionStage();
    }
}

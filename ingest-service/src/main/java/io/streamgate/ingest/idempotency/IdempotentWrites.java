package io.streamgate.ingest.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.ProblemMappers;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.json.Json;

/**
 * {@code Idempotency-Key} for writes: the first request with a key reserves it in Redis, writes, and
 * stores its answer; a retry with the same key and body gets that answer again (with
 * {@code Idempotent-Replayed: true}) and writes nothing. A failed write releases the key so the retry
 * can write. The same key with another body is refused (422), and a retry that overtakes a request
 * still in flight gets 409.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    private static final String IN_FLIGHT = "in-flight";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final IdempotencyConfig config;

    IdempotentWrites(RedisDataSource redis, IdempotencyConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.config = config;
    }

    @RegisterForReflection
    record StoredAnswer(@JsonProperty("fingerprint") String fingerprint, @JsonProperty("status") int status,
            @JsonProperty("body") String body) {
    }

    /**
     * Runs {@code write} once per (tenant, key); without a key it simply runs it.
     *
     * @param body the request body, whose hash tells a true retry from a reused key
     */
    public Response run(String tenant, String key, byte[] body, Supplier<Response> write) {
        if (key == null) {
            return write.get();
        }
        if (key.isBlank() || key.length() > config.maxKeyLength()) {
            throw new InvalidRequestException("invalid Idempotency-Key", List.of(new FieldProblem("/headers/" + HEADER,
                    "must be 1 to " + config.maxKeyLength() + " characters")));
        }
        String redisKey = "streamgate:idempotency:" + tenant + ":" + ApiKeys.hash(key);
        String fingerprint = ApiKeys.hash(new String(body, StandardCharsets.ISO_8859_1));
        // SET NX rather than SET NX GET: the latter needs Redis 7, and the embedded Redis is 6.2.
        boolean reservedNow = redis.execute("SET", redisKey, IN_FLIGHT, "NX", "PX",
                String.valueOf(config.inFlightTimeout().toMillis())) != null;
        if (!reservedNow) {
            return replay(values.get(redisKey), fingerprint);
        }
        Response answer;
        try {
            answer = write.get();
        } catch (RuntimeException e) {
            values.getdel(redisKey);
            throw e;
        }
        if (answer.getStatus() >= 300) {
            values.getdel(redisKey);
            return answer;
        }
        String stored = new String(Json.encode(new StoredAnswer(fingerprint, answer.getStatus(),
                new String(Json.encode(answer.getEntity()), StandardCharsets.UTF_8))), StandardCharsets.UTF_8);
        values.set(redisKey, stored, new SetArgs().px(config.retention()));
        return answer;
    }

    private Response replay(String reserved, String fingerprint) {
        if (reserved == null || IN_FLIGHT.equals(reserved)) {
            return ProblemMappers.problem(409, "idempotency-in-flight",
                    "A request with this Idempotency-Key is in progress",
                    "retry after it has finished", List.of()).header("Retry-After", 1).build();
        }
        StoredAnswer answer = Json.decode(reserved.getBytes(StandardCharsets.UTF_8), StoredAnswer.class);
        if (!answer.fingerprint().equals(fingerprint)) {
            throw new InvalidRequestException("this Idempotency-Key was used with another body",
                    List.of(new FieldProblem("/headers/" + HEADER, "already used for a different request")));
        }
        return Response.status(answer.status()).type("application/json").entity(answer.body())
                .header("Idempotent-Replayed", "true").build();
    }
}

package io.streamgate.gateway.dialect.geonicdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.identity.IssuedTokens;
import io.streamgate.platform.identity.Passwords;
import io.streamgate.platform.identity.RedisUserStore;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.identity.TokenIssuingDisabledException;
import io.streamgate.platform.identity.UserRecord;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.problem.ProblemDetail;

/**
 * GeonicDB's {@code POST /auth/login} with {@code {"username" | "email", "password"}} and the tenant in
 * {@code Fiware-Service}: answers {@code accessToken}, which the seed's client passes as-is to the WebSocket
 * ({@code Authorization: Bearer}, {@code Sec-WebSocket-Protocol: access_token, …} or {@code ?token=}).
 * Users are the password users ingest's {@code /v1/admin/users} creates. Runs on a worker thread: checking
 * a BCrypt hash is deliberately slow.
 */
@Path("/auth/login")
public class GeonicDbLoginResource {

    static final String SERVICE_HEADER = "Fiware-Service";
    private static final Logger LOG = Logger.getLogger(GeonicDbLoginResource.class);
    private static final Pattern TENANT = Pattern.compile("[a-z0-9_]{1,50}");
    private static final Duration STORE_WAIT = Duration.ofSeconds(5);
    /** One answer for an unknown tenant, an unknown user and a wrong password: none reveals which it was. */
    private static final String REFUSED = "Invalid username or password";

    /** The answer, in the camel case GeonicDB's clients read ({@code data.accessToken}). */
    @RegisterForReflection
    public record LoginAnswer(@JsonProperty("accessToken") String accessToken,
            @JsonProperty("refreshToken") String refreshToken, @JsonProperty("tokenType") String tokenType,
            @JsonProperty("expiresIn") long expiresIn, @JsonProperty("refreshExpiresIn") long refreshExpiresIn) {

        static LoginAnswer of(IssuedTokens tokens, Instant now) {
            return new LoginAnswer(tokens.accessToken(), tokens.refreshToken(), "Bearer",
                    Duration.between(now, tokens.accessExpiresAt()).toSeconds(),
                    Duration.between(now, tokens.refreshExpiresAt()).toSeconds());
        }
    }

    private final RedisUserStore users;
    private final Passwords passwords;
    private final TokenIssuer issuer;
    private final MeterRegistry registry;

    GeonicDbLoginResource(RedisUserStore users, Passwords passwords, TokenIssuer issuer, MeterRegistry registry) {
        this.users = users;
        this.passwords = passwords;
        this.issuer = issuer;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE })
    public Response login(@HeaderParam(SERVICE_HEADER) String service, byte[] body) {
        if (service == null || service.isBlank()) {
            return error(400, "BadRequest", "the " + SERVICE_HEADER + " header must name the tenant");
        }
        String tenant = service.strip().toLowerCase(Locale.ROOT);
        if (!TENANT.matcher(tenant).matches()) {
            return error(400, "BadRequest", SERVICE_HEADER + " must be 1 to 50 of a-z 0-9 _");
        }
        JsonNode request;
        try {
            request = body == null || body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return error(400, "ParseError", "the body is not JSON");
        }
        String login = text(request, "username").or(() -> text(request, "email")).orElse(null);
        String password = text(request, "password").orElse(null);
        if (login == null || password == null) {
            return error(400, "BadRequest", "the body must be {\"username\" or \"email\", \"password\"}");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            return refused();
        }
        try {
            Optional<UserRecord> user = users.find(tenant, login).toCompletableFuture()
                    .get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!passwords.matches(password, user.map(UserRecord::passwordHash).orElse(null))) {
                return refused();
            }
            IssuedTokens tokens = issuer.issue(user.get().identity()).toCompletableFuture()
                    .get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            registry.counter("streamgate.gateway.auth.logins", "outcome", "issued", "dialect", "geonicdb").increment();
            return Response.ok(LoginAnswer.of(tokens, Instant.now()), MediaType.APPLICATION_JSON).build();
        } catch (ExecutionException e) {
            registry.counter("streamgate.gateway.auth.logins", "outcome", "unavailable", "dialect", "geonicdb")
                    .increment();
            if (e.getCause() instanceof TokenIssuingDisabledException disabled) {
                return error(503, "ServiceUnavailable", disabled.getMessage());
            }
            LOG.warnf("login failed: %s", e.getCause().toString());
            return error(503, "ServiceUnavailable", "the user store cannot be reached; retry");
        } catch (TimeoutException e) {
            return error(503, "ServiceUnavailable", "the user store did not answer in time; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "ServiceUnavailable", "interrupted");
        }
    }

    private Response refused() {
        registry.counter("streamgate.gateway.auth.logins", "outcome", "refused", "dialect", "geonicdb").increment();
        return error(401, "Unauthorized", REFUSED);
    }

    private static Optional<String> text(JsonNode request, String field) {
        JsonNode value = request == null ? null : request.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }

    /**
     * A problem document that is also the FIWARE error body GeonicDB's REST API answers with:
     * {@code error} and {@code description} beside {@code title} and {@code detail}.
     */
    private static Response error(int status, String error, String description) {
        ObjectNode body = Json.mapper().valueToTree(ProblemDetail.of(status, "geonicdb/" + error, error, description));
        body.put("error", error);
        body.put("description", description);
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(body).build();
    }
}

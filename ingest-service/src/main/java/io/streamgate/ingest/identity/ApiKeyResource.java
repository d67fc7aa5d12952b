package io.streamgate.ingest.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.streamgate.service.identity.Caller;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.ProblemMappers;
import io.streamgate.platform.identity.ApiKeyRecord;
import io.streamgate.platform.identity.ApiKeys;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.RedisApiKeyStore;
import io.streamgate.platform.identity.Role;

/**
 * API keys for producers and clients: created by a tenant admin (or a super admin, for any tenant),
 * shown once, stored only as a hash, revoked by id.
 */
@Path("/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final RedisApiKeyStore store;
    private final Caller caller;

    ApiKeyResource(RedisApiKeyStore store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    @RegisterForReflection
    public record CreateRequest(@JsonProperty("name") String name, @JsonProperty("prefix") String prefix,
            @JsonProperty("roles") Set<Role> roles, @JsonProperty("tenant") String tenant,
            @JsonProperty("subject") String subject) {
    }

    @RegisterForReflection
    public record Created(@JsonProperty("id") String id, @JsonProperty("key") String key,
            @JsonProperty("preview") String preview, @JsonProperty("tenant") String tenant,
            @JsonProperty("subject") String subject, @JsonProperty("roles") Set<Role> roles,
            @JsonProperty("name") String name, @JsonProperty("created_at") Instant createdAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "The key is in this response only; Redis keeps its hash.")
    @APIResponse(responseCode = "201", description = "Created; the key is shown once")
    @APIResponse(responseCode = "403",
            description = "The caller is not an admin of the tenant, or asked for more than it has")
    public Uni<Response> create(CreateRequest request) {
        Identity admin = caller.identity();
        if (request == null) {
            throw new InvalidRequestException("an API key request needs a body",
                    List.of(new FieldProblem("", "expected {name, prefix?, roles?, tenant?, subject?}")));
        }
        String tenant = request.tenant() == null ? admin.tenant() : request.tenant();
        Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? Set.of(Role.USER) : request.roles();
        String prefix = request.prefix() == null ? "sk_live_" : request.prefix();
        if (!ApiKeys.PREFIXES.contains(prefix)) {
            throw new InvalidRequestException("unknown key prefix",
                    List.of(new FieldProblem("/prefix", "must be one of " + ApiKeys.PREFIXES)));
        }
        if (!isAdminOf(admin, tenant)) {
            return Uni.createFrom().item(forbidden("only an admin of tenant '" + tenant + "' may create its keys"));
        }
        if (roles.contains(Role.SUPER_ADMIN) && !admin.hasRole(Role.SUPER_ADMIN)) {
            return Uni.createFrom().item(forbidden("only a super admin may create super admin keys"));
        }
        String key = ApiKeys.generate(prefix);
        ApiKeyRecord record = new ApiKeyRecord(UUID.randomUUID().toString(), tenant,
                request.subject() == null ? admin.subject() : request.subject(), EnumSet.copyOf(roles),
                request.name() == null ? "" : request.name(), ApiKeys.preview(key), Instant.now());
        return Uni.createFrom().completionStage(() -> store.save(ApiKeys.hash(key), record))
                .map(saved -> Response.status(201).entity(new Created(record.id(), key, record.preview(),
                        record.tenant(), record.subject(), record.roles(), record.name(), record.createdAt()))
                        .build());
    }

    @GET
    @Operation(summary = "List a tenant's API keys", description = "Previews only, never the keys.")
    public Uni<Response> list(@QueryParam("tenant") String tenant) {
        String scope = tenant == null ? caller.tenant() : tenant;
        if (!isAdminOf(caller.identity(), scope)) {
            return Uni.createFrom().item(forbidden("only an admin of tenant '" + scope + "' may list its keys"));
        }
        return Uni.createFrom().completionStage(() -> store.list(scope)).map(keys -> Response.ok(keys).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key")
    @APIResponse(responseCode = "204", description = "Revoked; the key stops working at once")
    @APIResponse(responseCode = "404", description = "The tenant has no key with this id")
    public Uni<Response> revoke(@PathParam("id") String id, @QueryParam("tenant") String tenant) {
        String scope = tenant == null ? caller.tenant() : tenant;
        if (!isAdminOf(caller.identity(), scope)) {
            return Uni.createFrom().item(forbidden("only an admin of tenant '" + scope + "' may revoke its keys"));
        }
        return Uni.createFrom().completionStage(() -> store.revoke(scope, id)).map(revoked -> revoked
                ? Response.noContent().build()
                : ProblemMappers.problem(404, "not-found", "No such API key", "tenant '" + scope + "' has no key " + id,
                        List.of()).build());
    }

    private static boolean isAdminOf(Identity identity, String tenant) {
        return identity.hasRole(Role.SUPER_ADMIN)
                || identity.hasRole(Role.TENANT_ADMIN) && identity.tenant().equals(tenant);
    }

    private static Response forbidden(String reason) {
        return ProblemMappers.problem(403, "forbidden", "Not allowed", reason, List.of()).build();
    }
}

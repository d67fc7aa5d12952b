package io.streamgate.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Passwords;
import io.streamgate.platform.identity.RedisUserStore;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.UserRecord;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.ProblemMappers;

/**
 * Password users for {@code POST /auth/login} (GeonicDB's login, served by the gateway): created by a tenant
 * admin (or a super admin, for any tenant); Redis keeps a BCrypt hash of the password only.
 */
@Path("/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private final RedisUserStore store;
    private final Passwords passwords;
    private final Caller caller;
    private final UsersConfig config;

    UserResource(RedisUserStore store, Passwords passwords, Caller caller, UsersConfig config) {
        this.store = store;
        this.passwords = passwords;
        this.caller = caller;
        this.config = config;
    }

    @RegisterForReflection
    public record CreateRequest(@JsonProperty("username") String username, @JsonProperty("email") String email,
            @JsonProperty("password") String password, @JsonProperty("roles") Set<Role> roles,
            @JsonProperty("tenant") String tenant) {
    }

    @RegisterForReflection
    public record Created(@JsonProperty("username") String username, @JsonProperty("email") String email,
            @JsonProperty("tenant") String tenant, @JsonProperty("roles") Set<Role> roles,
            @JsonProperty("created_at") Instant createdAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking // BCrypt is deliberately slow: never on the event loop.
    @Operation(summary = "Create a password user", description = "The user logs in at the gateway's POST "
            + "/auth/login with username or e-mail, the password and a Fiware-Service header naming the tenant.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "The caller is not an admin of the tenant, or asked for more "
            + "than it has")
    @APIResponse(responseCode = "409", description = "The username or e-mail is taken in this tenant")
    @APIResponse(responseCode = "422", description = "A bad username, e-mail or password (each is named)")
    public Uni<Response> create(CreateRequest request) {
        Identity admin = caller.identity();
        if (request == null) {
            throw new InvalidRequestException("a user request needs a body", List.of(new FieldProblem("",
                    "expected {username, email?, password, roles?, tenant?}")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            problems.add(new FieldProblem("/username", "is required: 1 to 64 of A-Z a-z 0-9 . _ -"));
        }
        if (request.email() != null && !EMAIL.matcher(request.email()).matches()) {
            problems.add(new FieldProblem("/email", "is not an e-mail address"));
        }
        String password = request.password();
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (password == null || password.length() < config.minPasswordLength() || bytes > Passwords.MAX_BYTES) {
            problems.add(new FieldProblem("/password", "is required: at least " + config.minPasswordLength()
                    + " characters and at most " + Passwords.MAX_BYTES + " bytes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() + " problem(s) in the user", problems);
        }
        String tenant = request.tenant() == null ? admin.tenant() : request.tenant();
        Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? Set.of(Role.USER) : request.roles();
        if (!isAdminOf(admin, tenant)) {
            return Uni.createFrom().item(forbidden("only an admin of tenant '" + tenant + "' may create its users"));
        }
        if (roles.contains(Role.SUPER_ADMIN) && !admin.hasRole(Role.SUPER_ADMIN)) {
            return Uni.createFrom().item(forbidden("only a super admin may create super admin users"));
        }
        UserRecord user = new UserRecord(tenant, request.username(), request.email(), passwords.hash(password),
                EnumSet.copyOf(roles), Instant.now());
        return Uni.createFrom().completionStage(() -> store.create(user)).map(created -> created
                ? Response.status(201).entity(new Created(user.username(), user.email(), tenant, user.roles(),
                        user.createdAt())).build()
                : ProblemMappers.problem(409, "conflict", "User exists", "tenant '" + tenant + "' has a user with "
                        + "this username or e-mail", List.of()).build());
    }

    private static boolean isAdminOf(Identity identity, String tenant) {
        return identity.hasRole(Role.SUPER_ADMIN)
                || identity.hasRole(Role.TENANT_ADMIN) && identity.tenant().equals(tenant);
    }

    private static Response forbidden(String reason) {
        return ProblemMappers.problem(403, "forbidden", "Not allowed", reason, List.of()).build();
    }
}

package io.streamgate.ingest.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;

/**
 * Test sources only: lets a test call as a given identity ({@code X-Test-Identity: acme super_admin,user}),
 * standing in for the authentication filter that will set {@link Caller} from real credentials. Without the
 * header the caller stays the anonymous {@code default} tenant, as in production today.
 */
public class TestIdentityFilter {

    public static final String HEADER = "X-Test-Identity";

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String value = request.getHeaderString(HEADER);
        if (value == null) {
            return;
        }
        String[] parts = value.strip().split("\\s+", 2);
        Set<Role> roles = parts.length < 2 ? Set.of() : Arrays.stream(parts[1].split(","))
                .map(name -> Role.fromWireName(name.strip()).orElseThrow())
                .collect(Collectors.toSet());
        caller.authenticate(new Identity(parts[0], "test-" + parts[0], roles, false));
    }

    /** The header value for a caller of {@code tenant} with {@code roles} (wire names). */
    public static String as(String tenant, String... roles) {
        return roles.length == 0 ? tenant : tenant + " " + String.join(",", roles);
    }
}

package io.streamgate.ingest.limits;

import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.platform.limits.TenantRates;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.ProblemMappers;

/**
 * Refuses an API request of a tenant over its rate ({@link TenantRequestsConfig}) with {@code 429} and
 * {@code Retry-After}, before the body is parsed or anything is written: nothing refused was accepted, so a
 * client retries it as it is. Runs after the authentication filter, so the bucket is the credential's tenant
 * and a stranger without a valid credential cannot empty anyone's. Refusals are counted as
 * {@code streamgate.ingest.requests.refused{reason="rate_limit"}}, not tagged by tenant (tenants are as many
 * as an operator creates; a meter each would grow without bound).
 */
public class TenantRequestLimit {

    private static final List<String> LIMITED = List.of("/v1/", "/v2/");

    private final TenantRates rates;
    private final Caller caller;
    private final Counter refused;

    TenantRequestLimit(TenantRequestsConfig config, Caller caller, MeterRegistry registry) {
        this.rates = new TenantRates(config.rate(), config.burst());
        this.caller = caller;
        this.refused = Counter.builder("streamgate.ingest.requests.refused").tag("reason", "rate_limit")
                .description("API requests refused because their tenant was over its rate").register(registry);
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!rates.enabled() || LIMITED.stream().noneMatch(path::startsWith)) {
            return null;
        }
        String tenant = caller.tenant();
        if (rates.tryAcquire(tenant)) {
            return null;
        }
        refused.increment();
        return ProblemMappers.problem(429, "rate-limited", "Too many requests",
                "this tenant is over its request rate; retry after the time in Retry-After", List.of())
                .header("Retry-After", rates.retryAfter(tenant).toSeconds()).build();
    }
}

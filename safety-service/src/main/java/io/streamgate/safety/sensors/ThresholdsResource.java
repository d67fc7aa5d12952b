package io.streamgate.safety.sensors;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.service.identity.Caller;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.ProblemMappers;

/**
 * The caller's tenant's sensor threshold rules. Every operation is scoped to {@code caller.tenant()}: another
 * tenant's rule id answers 404, as if it did not exist.
 */
@Path("/v1/sensors/thresholds")
@Produces(MediaType.APPLICATION_JSON)
public class ThresholdsResource {

    private static final Logger LOG = Logger.getLogger(ThresholdsResource.class);

    private final ThresholdStore store;
    private final ThresholdRuleCache cache;
    private final SensorsConfig config;
    private final Caller caller;
    private final MeterRegistry registry;

    ThresholdsResource(ThresholdStore store, ThresholdRuleCache cache, SensorsConfig config, Caller caller,
            MeterRegistry registry) {
        this.store = store;
        this.cache = cache;
        this.config = config;
        this.caller = caller;
        this.registry = registry;
    }

    @GET
    public Map<String, Object> list() {
        List<ThresholdRule> rules = store.list(caller.tenant());
        return Map.of("thresholds", rules, "count", rules.size());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(byte[] body) {
        String tenant = caller.tenant();
        ThresholdRule rule = ThresholdRules.fromBody(body, null, config, Instant.now());
        if (store.count(tenant) >= config.maxRules()) {
            return ProblemMappers.problem(409, "too-many-rules", "The tenant has as many threshold rules as allowed",
                    "at most " + config.maxRules() + " rules (streamgate.safety.sensors.max-rules)",
                    List.<FieldProblem>of()).build();
        }
        store.put(tenant, rule);
        changed(tenant, "created", rule);
        return Response.created(URI.create("/v1/sensors/thresholds/" + rule.id())).entity(rule).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return store.get(caller.tenant(), id).map(rule -> Response.ok(rule).build()).orElseGet(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response replace(@PathParam("id") String id, byte[] body) {
        String tenant = caller.tenant();
        ThresholdRule existing = store.get(tenant, id).orElse(null);
        if (existing == null) {
            return notFound(id);
        }
        ThresholdRule rule = ThresholdRules.fromBody(body, existing, config, Instant.now());
        store.put(tenant, rule);
        changed(tenant, "replaced", rule);
        return Response.ok(rule).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        String tenant = caller.tenant();
        if (!store.delete(tenant, id)) {
            return notFound(id);
        }
        cache.invalidate(tenant);
        registry.counter("streamgate.safety.sensors.rules.changed", "change", "deleted").increment();
        LOG.infof("threshold rule %s deleted in tenant %s", id, tenant);
        return Response.noContent().build();
    }

    private void changed(String tenant, String change, ThresholdRule rule) {
        cache.invalidate(tenant);
        registry.counter("streamgate.safety.sensors.rules.changed", "change", change).increment();
        LOG.infof("threshold rule %s %s in tenant %s (%s %s %s %s)", rule.id(), change, tenant, rule.metricName(),
                rule.operator(), rule.threshold(), rule.severity());
    }

    private static Response notFound(String id) {
        return ProblemMappers.problem(404, "not-found", "No such threshold rule",
                "no threshold rule " + id + " in your tenant", List.of()).build();
    }
}

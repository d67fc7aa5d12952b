package io.streamgate.safety.geofences;

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
import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.ProblemMappers;

/**
 * The caller's tenant's geofences (SpatialFlow-style). Every operation is scoped to {@code caller.tenant()}:
 * another tenant's fence id answers 404, as if it did not exist.
 */
@Path("/v1/geofences")
@Produces(MediaType.APPLICATION_JSON)
public class GeofencesResource {

    private static final Logger LOG = Logger.getLogger(GeofencesResource.class);

    private final GeofenceStore store;
    private final GeofenceCache cache;
    private final GeofencesConfig config;
    private final Caller caller;
    private final MeterRegistry registry;

    GeofencesResource(GeofenceStore store, GeofenceCache cache, GeofencesConfig config, Caller caller,
            MeterRegistry registry) {
        this.store = store;
        this.cache = cache;
        this.config = config;
        this.caller = caller;
        this.registry = registry;
    }

    @GET
    public Map<String, Object> list() {
        List<GeofenceDefinition> fences = store.list(caller.tenant());
        return Map.of("geofences", fences, "count", fences.size());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(byte[] body) {
        String tenant = caller.tenant();
        GeofenceDefinition fence = GeofenceRequests.fromBody(body, null, config, Instant.now());
        if (store.count(tenant) >= config.maxFences()) {
            return ProblemMappers.problem(409, "too-many-geofences", "The tenant has as many geofences as allowed",
                    "at most " + config.maxFences() + " geofences (streamgate.safety.geofences.max-fences)", List.of())
                    .build();
        }
        store.put(tenant, fence);
        changed(tenant, "created", fence.id());
        return Response.created(URI.create("/v1/geofences/" + fence.id())).entity(fence).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return store.get(caller.tenant(), id).map(f -> Response.ok(f).build()).orElseGet(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response replace(@PathParam("id") String id, byte[] body) {
        String tenant = caller.tenant();
        GeofenceDefinition existing = store.get(tenant, id).orElse(null);
        if (existing == null) {
            return notFound(id);
        }
        GeofenceDefinition fence = GeofenceRequests.fromBody(body, existing, config, Instant.now());
        store.put(tenant, fence);
        changed(tenant, "replaced", id);
        return Response.ok(fence).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        String tenant = caller.tenant();
        if (!store.delete(tenant, id)) {
            return notFound(id);
        }
        changed(tenant, "deleted", id);
        return Response.noContent().build();
    }

    private void changed(String tenant, String change, String id) {
        cache.invalidate(tenant);
        registry.counter("streamgate.safety.geofences.changed", "change", change).increment();
        LOG.infof("geofence %s %s in tenant %s", id, change, tenant);
    }

    private static Response notFound(String id) {
        return ProblemMappers.problem(404, "not-found", "No such geofence", "no geofence " + id + " in your tenant",
                List.of()).build();
    }
}

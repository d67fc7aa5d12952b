package io.streamgate.stats.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.ProblemMappers;
import io.streamgate.stats.publish.StatTypes;
import io.streamgate.stats.store.StatsKeys;

/**
 * The latest figures of the caller's tenant, as last published on {@code stats.updates}:
 * {@code GET /v1/stats} lists the stat types, {@code GET /v1/stats/{stat_type}} returns one
 * {@code {stat_type, data, computed_at}}.
 */
@Path("/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    /** The list of stat types. */
    @RegisterForReflection
    public record StatTypeList(@com.fasterxml.jackson.annotation.JsonProperty("stat_types") List<String> statTypes) {
    }

    private final Caller caller;
    private final StatTypes types;
    private final ValueCommands<String, String> values;

    StatsResource(Caller caller, StatTypes types, RedisDataSource redis) {
        this.caller = caller;
        this.types = types;
        this.values = redis.value(String.class);
    }

    @GET
    public StatTypeList list() {
        return new StatTypeList(types.names());
    }

    @GET
    @Path("/{statType}")
    public Response get(@PathParam("statType") String statType) {
        if (!types.exists(statType)) {
            return ProblemMappers.problem(404, "unknown-stat-type", "No such stat type",
                    "unknown stat type '" + statType + "'; GET /v1/stats lists them", List.of()).build();
        }
        String latest = values.get(StatsKeys.latest(caller.tenant(), statType));
        if (latest == null) {
            return ProblemMappers.problem(404, "no-figures-yet", "No figures yet",
                    "nothing has been computed for '" + statType + "' in this tenant yet", List.of()).build();
        }
        return Response.ok(latest, MediaType.APPLICATION_JSON).build();
    }
}

package io.streamgate.ingest.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.entities.EntityBatch.Operation.Kind;
import io.streamgate.ingest.entities.EntityKeys.EntityRef;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;

/**
 * NGSI v2's batch update, {@code POST /v2/op/update}. As in Orion, the batch is not atomic: entities are
 * applied in order, each under its own lock and announced on its own, and one that fails does not stop the
 * others; the answer then names every entity that failed and why.
 */
@Path("/v2/op/update")
@Tag(name = "NGSI v2 entities")
public class EntityBatchResource {

    private static final String BODY_EXAMPLE = """
            {"actionType": "append", "entities": [
              {"id": "urn:ngsi-ld:Room:001", "type": "Room", "temperature": {"type": "Number", "value": 21.5}},
              {"id": "urn:ngsi-ld:Room:002", "type": "Room", "temperature": {"type": "Number", "value": 19.0}}]}""";

    private final EntityService entities;
    private final Caller caller;
    private final EntitiesConfig config;

    EntityBatchResource(EntityService entities, Caller caller, EntitiesConfig config) {
        this.entities = entities;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Operation(summary = "Batch update",
            description = "actionType append (create, or add and overwrite attributes), appendStrict (create, or "
                    + "add only new attributes), update (existing attributes of existing entities), replace (the "
                    + "whole attribute set), delete (the named attributes, or the entity when none is named). "
                    + "Each entity's change is announced on entities.changes like its single-entity equivalent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "rooms",
                    value = BODY_EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Every entity was applied")
    @APIResponse(responseCode = "400", description = "Not JSON, a bad header or option, or a bad actionType "
            + "(BadRequest)")
    @APIResponse(responseCode = "404", description = "No entity was applied because none exists (NotFound)")
    @APIResponse(responseCode = "413", description = "The body is over streamgate.ingest.entities.max-body")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "Invalid entities (nothing applied), or some entities "
            + "failed (PartialUpdate, the others were applied)")
    @APIResponse(responseCode = "503", description = "Redis or Kafka is unavailable; entities before the failing "
            + "one were applied; retry after Retry-After (the batch is safe to repeat except for appendStrict)")
    public Response update(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "No options are supported here") @QueryParam("options") String options,
            byte[] body) {
        Scope scope = Scopes.resolve(service, servicePath, caller.identity());
        NgsiRequests.options(options, Set.of());
        EntityBatch batch = EntityBatch.read(NgsiRequests.readJson(contentType, body, config.maxBody()),
                config.maxAttributes(), config.maxBatchEntities());
        List<String> failures = new ArrayList<>();
        int notFound = 0;
        for (EntityBatch.Operation operation : batch.operations()) {
            try {
                apply(scope, operation);
            } catch (NgsiProblemException e) {
                if (e.status() == 404) {
                    notFound++;
                }
                failures.add(operation.entity().id() + ": " + e.getMessage());
            }
        }
        if (failures.isEmpty()) {
            return Response.noContent().build();
        }
        if (notFound == batch.operations().size()) {
            throw NgsiProblemException.notFound("The requested entity has not been found. Check type and id ("
                    + String.join("; ", failures) + ")");
        }
        throw new NgsiProblemException(422, "PartialUpdate", failures.size() + " of " + batch.operations().size()
                + " entities were not applied, the others were: " + String.join("; ", failures), null);
    }

    @ServerExceptionMapper
    Response invalid(InvalidRequestException e) {
        return NgsiProblemMapper.invalid(e);
    }

    @ServerExceptionMapper
    Response malformed(MalformedJsonException e) {
        return NgsiProblemMapper.malformed(e);
    }

    private void apply(Scope scope, EntityBatch.Operation operation) {
        EntityRef ref = new EntityRef(scope, operation.entity().id());
        String type = operation.requestedType();
        Kind kind = operation.kind();
        switch (kind) {
            case APPEND, APPEND_STRICT -> entities.upsert(scope, operation.entity(), type, kind == Kind.APPEND_STRICT);
            case UPDATE -> entities.update(ref, type, operation.entity().attributes());
            case REPLACE -> entities.replace(ref, type, operation.entity().attributes());
            case DELETE -> {
                if (operation.attributeNames().isEmpty()) {
                    entities.delete(ref, type);
                } else {
                    entities.deleteAttributes(ref, type, operation.attributeNames());
                }
            }
        }
    }
}

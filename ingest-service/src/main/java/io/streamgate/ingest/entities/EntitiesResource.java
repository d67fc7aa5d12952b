package io.streamgate.ingest.entities;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.ingest.entities.EntityDocuments.NewEntity;
import io.streamgate.ingest.entities.EntityKeys.EntityRef;
import io.streamgate.service.identity.Caller;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;
import io.streamgate.platform.entities.NgsiAttribute;

/**
 * A small NGSI v2 entity API (normalized representation), scoped by {@code Fiware-Service} and
 * {@code Fiware-ServicePath}. Entities are served from Redis; every change is announced on
 * {@code entities.changes}, and a write answers only once Kafka acknowledged it.
 */
@Path("/v2/entities")
@Tag(name = "NGSI v2 entities", description = "Create, read, update and delete NGSI v2 context entities")
public class EntitiesResource {

    static final String TOTAL_COUNT_HEADER = "Fiware-Total-Count";

    /**
     * NGSI v2 query parameters this API does not implement. Ignoring them would answer more than was asked
     * (all attributes, all ids), which a client cannot tell from a correct answer, so they are refused.
     */
    private static final List<String> UNSUPPORTED_QUERY = List.of("id", "idPattern", "typePattern", "q", "mq",
            "georel", "geometry", "coords", "attrs", "metadata", "orderBy");

    private static final String JSON_BODY_EXAMPLE = """
            {"id": "urn:ngsi-ld:Room:001", "type": "Room",
             "temperature": {"type": "Number", "value": 23.5}, "name": {"value": "Lobby"}}""";
    private static final String ATTRS_BODY_EXAMPLE = """
            {"temperature": {"type": "Number", "value": 24.1}}""";

    private final EntityService entities;
    private final Caller caller;
    private final EntitiesConfig config;

    @Context
    UriInfo uri;

    EntitiesResource(EntityService entities, Caller caller, EntitiesConfig config) {
        this.entities = entities;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Operation(summary = "Create an entity",
            description = "Stores the entity and announces entityCreated on entities.changes; answers 201 once "
                    + "Kafka acknowledged it. Attributes without a type get NGSI's default (Number, Text, Boolean, "
                    + "StructuredValue, None); an entity without a type is a Thing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "room",
                    value = JSON_BODY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the entity")
    @APIResponse(responseCode = "400", description = "Not JSON, or a bad header or option (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "413", description = "The body is over streamgate.ingest.entities.max-body")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "Invalid entity (each bad field is named), or it exists "
            + "already (Unprocessable)")
    @APIResponse(responseCode = "503", description = "Redis or Kafka is unavailable; retry after Retry-After")
    public Response create(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "No options are supported here") @QueryParam("options") String options,
            byte[] body) {
        Scope scope = Scopes.resolve(service, servicePath, caller.identity());
        options(options, Set.of());
        NewEntity entity = EntityDocuments.entity(readJson(contentType, body), config.maxAttributes());
        entities.create(scope, entity);
        URI location = UriBuilder.fromPath("/v2/entities/{id}").queryParam("type", "{type}")
                .build(entity.id(), entity.type());
        // Relative, as NGSI brokers answer it; JAX-RS's created() would make it absolute.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location.toString()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List entities",
            description = "Entities of the service path, oldest first, optionally of one type; a page of at most "
                    + "limit entities from offset. options=count adds the Fiware-Total-Count header.")
    @APIResponse(responseCode = "200", description = "The page, possibly empty")
    @APIResponse(responseCode = "400", description = "A bad header, type, limit, offset or option (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "503", description = "Redis is unavailable; retry after Retry-After")
    public Response list(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(description = "Only entities of this type") @QueryParam("type") String type,
            @Parameter(description = "Page size (default streamgate.ingest.entities.default-page-size, at most "
                    + "max-page-size)") @QueryParam("limit") String limit,
            @Parameter(description = "Entities to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "'count' for the Fiware-Total-Count header") @QueryParam("options")
            String options) {
        Scope scope = Scopes.resolve(service, servicePath, caller.identity());
        refuseUnsupportedQuery();
        boolean count = options(options, Set.of("count")).contains("count");
        String entityType = type == null ? null : listType(type);
        int pageSize = integer("limit", limit, config.defaultPageSize(), 1, config.maxPageSize());
        int skip = integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        entities.list(scope, entityType, skip, pageSize).forEach(e -> page.add(representation(e)));
        Response.ResponseBuilder response = Response.ok(page);
        if (count) {
            response.header(TOTAL_COUNT_HEADER, entities.count(scope, entityType));
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an entity", description = "The entity in NGSI v2 normalized form, from Redis.")
    @APIResponse(responseCode = "200", description = "The entity")
    @APIResponse(responseCode = "400", description = "A bad header, id or type (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "404", description = "No such entity in this scope (NotFound)")
    @APIResponse(responseCode = "503", description = "Redis is unavailable; retry after Retry-After")
    public Response get(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(description = "Entity id") @PathParam("id") String id,
            @Parameter(description = "The entity's type; another type answers 404") @QueryParam("type")
            String type,
            @Parameter(description = "No options are supported here") @QueryParam("options") String options) {
        EntityRef ref = ref(service, servicePath, id);
        refuseUnsupportedQuery();
        options(options, Set.of());
        return Response.ok(representation(entities.get(ref, entityType(type)))).build();
    }

    @POST
    @Path("{id}/attrs")
    @Operation(summary = "Update or append attributes",
            description = "Adds new attributes and overwrites existing ones; with options=append, refuses (422) "
                    + "when any already exists. Announces entityUpdated with exactly the attributes whose type or "
                    + "value changed; a request that changes nothing stores and announces nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "temperature",
                    value = ATTRS_BODY_EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Done, and announced when anything changed")
    @APIResponse(responseCode = "400", description = "Not JSON, or a bad header, id or option (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "404", description = "No such entity in this scope (NotFound)")
    @APIResponse(responseCode = "413", description = "The body is over streamgate.ingest.entities.max-body")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "Invalid attributes, too many, or (append) existing ones")
    @APIResponse(responseCode = "503", description = "Redis or Kafka is unavailable; retry after Retry-After")
    public Response append(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Entity id") @PathParam("id") String id,
            @Parameter(description = "The entity's type; another type answers 404") @QueryParam("type") String type,
            @Parameter(description = "'append' to only add new attributes") @QueryParam("options") String options,
            byte[] body) {
        EntityRef ref = ref(service, servicePath, id);
        boolean strict = options(options, Set.of("append")).contains("append");
        Map<String, NgsiAttribute> attributes = EntityDocuments.attributes(readJson(contentType, body));
        entities.append(ref, entityType(type), attributes, strict);
        return Response.noContent().build();
    }

    @PATCH
    @Path("{id}/attrs")
    @Operation(summary = "Update existing attributes",
            description = "Updates attributes the entity has; when any named attribute does not exist, nothing is "
                    + "changed and the answer is 422. Announces entityUpdated with exactly the attributes whose "
                    + "type or value changed; a request that changes nothing stores and announces nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "temperature",
                    value = ATTRS_BODY_EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Done, and announced when anything changed")
    @APIResponse(responseCode = "400", description = "Not JSON, or a bad header or id (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "404", description = "No such entity in this scope (NotFound)")
    @APIResponse(responseCode = "413", description = "The body is over streamgate.ingest.entities.max-body")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "Invalid attributes, or some do not exist (Unprocessable)")
    @APIResponse(responseCode = "503", description = "Redis or Kafka is unavailable; retry after Retry-After")
    public Response update(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Entity id") @PathParam("id") String id,
            @Parameter(description = "The entity's type; another type answers 404") @QueryParam("type") String type,
            @Parameter(description = "No options are supported here") @QueryParam("options") String options,
            byte[] body) {
        EntityRef ref = ref(service, servicePath, id);
        options(options, Set.of());
        Map<String, NgsiAttribute> attributes = EntityDocuments.attributes(readJson(contentType, body));
        entities.update(ref, entityType(type), attributes);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/attrs")
    @Operation(summary = "Replace all attributes",
            description = "The body becomes the entity's whole attribute set. Announces entityUpdated naming every "
                    + "attribute added, removed, or whose type or value changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "temperature",
                    value = ATTRS_BODY_EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Done, and announced when anything changed")
    @APIResponse(responseCode = "400", description = "Not JSON, or a bad header or id (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "404", description = "No such entity in this scope (NotFound)")
    @APIResponse(responseCode = "413", description = "The body is over streamgate.ingest.entities.max-body")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "Invalid or too many attributes")
    @APIResponse(responseCode = "503", description = "Redis or Kafka is unavailable; retry after Retry-After")
    public Response replace(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Entity id") @PathParam("id") String id,
            @Parameter(description = "The entity's type; another type answers 404") @QueryParam("type") String type,
            @Parameter(description = "No options are supported here") @QueryParam("options") String options,
            byte[] body) {
        EntityRef ref = ref(service, servicePath, id);
        options(options, Set.of());
        Map<String, NgsiAttribute> attributes = EntityDocuments.attributes(readJson(contentType, body));
        entities.replace(ref, entityType(type), attributes);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an entity",
            description = "Removes the entity and announces entityDeleted with the attributes it had.")
    @APIResponse(responseCode = "204", description = "Deleted and announced")
    @APIResponse(responseCode = "400", description = "A bad header or id (BadRequest)")
    @APIResponse(responseCode = "403", description = "The caller may not use this Fiware-Service")
    @APIResponse(responseCode = "404", description = "No such entity in this scope (NotFound)")
    @APIResponse(responseCode = "503", description = "Redis or Kafka is unavailable; retry after Retry-After")
    public Response delete(
            @Parameter(description = "Tenant; the caller's own when absent") @HeaderParam(Scopes.SERVICE_HEADER)
            String service,
            @Parameter(description = "Service path; '/' when absent") @HeaderParam(Scopes.SERVICE_PATH_HEADER)
            String servicePath,
            @Parameter(description = "Entity id") @PathParam("id") String id,
            @Parameter(description = "The entity's type; another type answers 404") @QueryParam("type")
            String type,
            @Parameter(description = "No options are supported here") @QueryParam("options") String options) {
        EntityRef ref = ref(service, servicePath, id);
        options(options, Set.of());
        entities.delete(ref, entityType(type));
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    Response invalid(InvalidRequestException e) {
        return NgsiProblemMapper.invalid(e);
    }

    @ServerExceptionMapper
    Response malformed(MalformedJsonException e) {
        return NgsiProblemMapper.malformed(e);
    }

    /** NGSI v2 normalized form; {@code metadata} is always empty because none is accepted. */
    static ObjectNode representation(StoredEntity entity) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", entity.id());
        node.put("type", entity.type());
        entity.attributes().forEach((name, attribute) -> {
            ObjectNode attr = node.putObject(name);
            attr.put("type", attribute.type());
            attr.set("value", attribute.value());
            attr.putObject("metadata");
        });
        return node;
    }

    private EntityRef ref(String service, String servicePath, String id) {
        Scope scope = Scopes.resolve(service, servicePath, caller.identity());
        NgsiSyntax.identifierProblem(id).ifPresent(p -> {
            throw NgsiProblemException.badRequest("entity id in the URL " + p);
        });
        return new EntityRef(scope, id);
    }

    private static String entityType(String type) {
        if (type == null) {
            return null;
        }
        NgsiSyntax.identifierProblem(type).ifPresent(p -> {
            throw NgsiProblemException.badRequest("type " + p);
        });
        return type;
    }

    private static String listType(String type) {
        if (type.indexOf(',') >= 0) {
            throw NgsiProblemException.badRequest("type lists are not supported; ask for one type at a time");
        }
        return entityType(type);
    }

    private void refuseUnsupportedQuery() {
        List<String> named = UNSUPPORTED_QUERY.stream().filter(uri.getQueryParameters()::containsKey).toList();
        if (!named.isEmpty()) {
            throw NgsiProblemException.badRequest("unsupported query parameters " + named);
        }
    }

    private static int integer(String name, String raw, int absent, int min, int max) {
        if (raw == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the accepted range
        }
        throw NgsiProblemException.badRequest("Bad pagination " + name + ": must be an integer from " + min + " to "
                + max);
    }

    private JsonNode readJson(String contentType, byte[] body) {
        return NgsiRequests.readJson(contentType, body, config.maxBody());
    }

    private static Set<String> options(String raw, Set<String> supported) {
        return NgsiRequests.options(raw, supported);
    }
}

package io.streamgate.ingest.batch;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.streamgate.ingest.idempotency.IdempotentWrites;

/**
 * The HTTP contract every batch feed shares; a feed's resource names its path, its OpenAPI tag (which
 * describes the items) and its {@link BatchSpec}.
 */
public interface BatchEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a batch", description = "Body: {\"<items>\": [ … ]} or a bare array (see the tag "
            + "for the item fields). Accepted whole or refused whole; 202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body);
}

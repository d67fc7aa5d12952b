package io.streamgate.ingest.adsb;

import java.io.IOException;
import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.service.identity.Caller;
import io.streamgate.ingest.idempotency.IdempotentWrites;
import io.streamgate.service.problem.MalformedJsonException;
import io.streamgate.platform.json.Json;

/** The readsb / dump1090-fa {@code aircraft.json} door: POST the file as the receiver wrote it. */
@Path("/v1/aircraft")
public class AircraftResource {

    private final AircraftJsonParser parser;
    private final AircraftPositionWriter writer;
    private final Caller caller;
    private final IdempotentWrites idempotency;

    AircraftResource(AircraftPositionWriter writer, Caller caller, IdempotentWrites idempotency, AdsbConfig config) {
        this.parser = new AircraftJsonParser(Instant::now, config.staleAfter());
        this.writer = writer;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a receiver's aircraft.json",
            description = "Writes one aircraft.positions record per aircraft that has a position, keyed by ICAO "
                    + "hex, and answers 202 only after Kafka acknowledged every record (acks=all). Positions "
                    + "whose seen_pos is over the staleness limit are written with stale: true.")
    @APIResponse(responseCode = "202", description = "All positions written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "The document is invalid; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
        return idempotency.run(caller.tenant(), idempotencyKey, body, () -> {
            ReceiverSnapshot snapshot = parser.parse(readJson(body));
            writer.write(snapshot.positions(), caller.tenant(), AircraftPositionEvents.SOURCE);
            return Response.accepted(new IngestReceipt(snapshot.positions().size(), snapshot.withoutPosition()))
                    .build();
        });
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }
}

package io.streamgate.ingest.notams;

import java.time.Instant;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.ingest.idempotency.IdempotentWrites;
import io.streamgate.platform.aviation.Notam;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest NOTAMs and TFRs */
@Path("/v1/notams")
public class NotamsResource {

    static final BatchSpec<Notam> SPEC = new BatchSpec<>(Topics.NOTAMS, "notams", "/ingest/notams",
            NotamsResource::read, Notam::notamId, n -> EventTypes.NOTAM, Notam::effectiveStart);

    private final BatchIngest batch;

    NotamsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest NOTAMs and TFRs", description = "Body: {\"notams\": [ … ]} or a bare array. Accepted whole or refused whole; "
            + "202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static Notam read(FieldReader f) {
        String id = f.requiredText("notam_id");
        String type = f.oneOf("type", Set.of("NOTAM", "TFR"), true);
        Double lat = f.number("latitude", -90, 90);
        Double lon = f.number("longitude", -180, 180);
        Double radius = f.number("radius_nm", 0, 1000);
        if ("TFR".equals(type) && (lat == null || lon == null || radius == null)) {
            f.problem("radius_nm", "a TFR needs latitude, longitude and radius_nm");
        }
        Instant start = f.requiredInstant("effective_start");
        Instant end = f.instant("effective_end");
        if (start != null && end != null && !end.isAfter(start)) {
            f.problem("effective_end", "must be after effective_start");
        }
        Notam notam = new Notam(id, type, f.text("location"), lat, lon, radius, f.integer("floor_ft", -2000, 100_000),
                f.integer("ceiling_ft", -2000, 100_000), f.text("reason"), f.text("text"), start, end);
        return f.valid() ? notam : null;
    }
}

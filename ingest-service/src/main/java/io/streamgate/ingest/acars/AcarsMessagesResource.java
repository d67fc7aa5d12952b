package io.streamgate.ingest.acars;

import java.time.Instant;
import java.util.Locale;
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
import io.streamgate.platform.aviation.AcarsMessage;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest ACARS and VDL2 messages */
@Path("/v1/acars/messages")
public class AcarsMessagesResource {

    static final BatchSpec<AcarsMessage> SPEC = new BatchSpec<>(Topics.ACARS_MESSAGES, "messages", "/ingest/acars",
            AcarsMessagesResource::read, AcarsMessage::key, m -> EventTypes.ACARS_MESSAGE, AcarsMessage::timestamp);

    private final BatchIngest batch;

    AcarsMessagesResource(BatchIngest batch) {
        this.batch = batch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest ACARS and VDL2 messages", description = "Body: {\"messages\": [ … ]} or a bare array. Accepted whole or refused whole; "
            + "202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static AcarsMessage read(FieldReader f) {
        Instant timestamp = f.requiredInstant("timestamp");
        String source = f.oneOf("source", Set.of("ACARS", "VDLM2"), true);
        Integer channel = f.integer("channel", 0, Integer.MAX_VALUE);
        String frequency = f.text("frequency");
        String hex = f.text("icao_hex");
        String registration = f.text("registration");
        String callsign = f.text("callsign");
        String label = f.requiredText("label");
        String text = f.text("text");
        if (hex == null && callsign == null && registration == null) {
            f.problem("icao_hex", "an icao_hex, callsign or registration is required");
        }
        AcarsMessage message = new AcarsMessage(timestamp, source, channel, frequency,
                hex == null ? null : hex.toLowerCase(Locale.ROOT), registration, callsign == null ? null : callsign.strip(),
                label, f.text("block_id"), f.text("msg_num"), text, f.object("decoded"),
                f.number("signal_level", -Double.MAX_VALUE, Double.MAX_VALUE));
        return f.valid() ? message : null;
    }
}

package io.streamgate.ingest.acars;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.aviation.AcarsMessage;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest ACARS and VDL2 messages */
@Path("/v1/acars/messages")
@Tag(name = "ACARS", description = "ACARS / VDL2 messages: "
        + "{messages: [{timestamp, source, channel, frequency, icao_hex, registration, callsign, "
        + "label, block_id, msg_num, text, decoded, signal_level}]}")
public class AcarsMessagesResource implements BatchEndpoint {

    static final BatchSpec<AcarsMessage> SPEC = new BatchSpec<>(Topics.ACARS_MESSAGES, "messages", "/ingest/acars",
            AcarsMessagesResource::read, AcarsMessage::key, m -> EventTypes.ACARS_MESSAGE, AcarsMessage::timestamp);

    private final BatchIngest batch;

    AcarsMessagesResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
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
                hex == null ? null : hex.toLowerCase(Locale.ROOT), registration,
                callsign == null ? null : callsign.strip(),
                label, f.text("block_id"), f.text("msg_num"), text, f.object("decoded"),
                f.number("signal_level", -Double.MAX_VALUE, Double.MAX_VALUE));
        return f.valid() ? message : null;
    }
}

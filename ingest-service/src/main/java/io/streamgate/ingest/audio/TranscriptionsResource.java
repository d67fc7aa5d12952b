package io.streamgate.ingest.audio;

import java.time.Instant;
import java.util.List;

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
import io.streamgate.platform.aviation.AudioTranscription;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest radio transcriptions */
@Path("/v1/audio/transcriptions")
public class TranscriptionsResource {

    static final BatchSpec<AudioTranscription> SPEC = new BatchSpec<>(Topics.AUDIO_TRANSCRIPTIONS, "transcriptions",
            "/ingest/audio", TranscriptionsResource::read, AudioTranscription::transmissionId,
            t -> EventTypes.AUDIO_TRANSCRIPTION, AudioTranscription::transcriptionCompletedAt);

    private final BatchIngest batch;

    TranscriptionsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest radio transcriptions", description = "Body: {\"transcriptions\": [ … ]} or a bare array. Accepted whole or refused whole; "
            + "202 only after Kafka acknowledged every record.")
    @APIResponse(responseCode = "202", description = "Every item written")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "422", description = "Invalid items; each bad field is named")
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; retry after Retry-After seconds")
    public Response ingest(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, byte[] body) {
        return batch.ingest(SPEC, idempotencyKey, body);
    }

    static AudioTranscription read(FieldReader f) {
        String id = f.requiredText("transmission_id");
        String transcript = f.requiredText("transcript");
        Double confidence = f.number("transcript_confidence", 0, 1);
        List<String> airframes = f.textList("identified_airframes");
        Instant completed = f.requiredInstant("transcription_completed_at");
        AudioTranscription transcription = new AudioTranscription(id, f.text("frequency"), transcript, confidence,
                airframes == null ? List.of() : airframes, completed);
        return f.valid() ? transcription : null;
    }
}

package io.streamgate.ingest.audio;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.streamgate.ingest.batch.BatchEndpoint;
import io.streamgate.ingest.batch.BatchIngest;
import io.streamgate.ingest.batch.BatchSpec;
import io.streamgate.ingest.batch.FieldReader;
import io.streamgate.platform.aviation.AudioTranscription;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;

/** Ingest radio transcriptions */
@Path("/v1/audio/transcriptions")
@Tag(name = "Audio", description = "Radio transcriptions: "
        + "{transcriptions: [{transmission_id, transcript, transcript_confidence, "
        + "identified_airframes, frequency, transcription_completed_at}]}")
public class TranscriptionsResource implements BatchEndpoint {

    static final BatchSpec<AudioTranscription> SPEC = new BatchSpec<>(Topics.AUDIO_TRANSCRIPTIONS, "transcriptions",
            "/ingest/audio", TranscriptionsResource::read, AudioTranscription::transmissionId,
            t -> EventTypes.AUDIO_TRANSCRIPTION, AudioTranscription::transcriptionCompletedAt);

    private final BatchIngest batch;

    TranscriptionsResource(BatchIngest batch) {
        this.batch = batch;
    }

    @Override
    public Response ingest(String idempotencyKey, byte[] body) {
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

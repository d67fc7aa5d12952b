package io.streamgate.platform.aviation;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A transcribed radio transmission ({@code audio.transcriptions}, key: transmission id), in SkySpy's
 * {@code audio:transcription_completed} spelling.
 */
public record AudioTranscription(
        @JsonProperty("transmission_id") String transmissionId,
        @JsonProperty("frequency") String frequency,
        @JsonProperty("transcript") String transcript,
        @JsonProperty("transcript_confidence") Double transcriptConfidence,
        @JsonProperty("identified_airframes") List<String> identifiedAirframes,
        @JsonProperty("transcription_completed_at") Instant transcriptionCompletedAt) {
}

package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.List;

import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyEventIds;

/** Opens and closes episodes for every detector, and knows how many are open. */
final class EpisodeLog {

    private int open;

    Episode open(String tenant, String type, String severity, String hex, String hex2, Instant firstSeen) {
        String subject = hex2 == null ? hex : hex + "|" + hex2;
        open++;
        return new Episode(tenant, SafetyEventIds.of(tenant, type, subject, firstSeen), type, severity, hex, hex2,
                firstSeen);
    }

    void close(Episode episode, Instant at, String message, Details details, String reason, List<Emission> out) {
        open--;
        out.add(episode.emit(at, message, details.put("end_reason", reason).map(), false));
    }

    int openEpisodes() {
        return open;
    }
}

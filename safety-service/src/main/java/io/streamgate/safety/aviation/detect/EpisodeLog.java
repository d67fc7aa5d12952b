package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyEventIds;

/**
 * Opens and closes episodes for every detector, and knows how many are open. It also holds the episodes another
 * owner left open (a sector that moved to this replica): the first time a detector confirms the same type and
 * subject again, it continues that episode, under its id, instead of opening a new one.
 */
final class EpisodeLog {

    private int open;
    private final Map<String, Inherited> inherited = new HashMap<>();
    private final Set<Episode> adopted = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Opens an episode, or continues the inherited one of the same type and subject: then {@link #wasAdopted}
     * is true for it, as its opening was announced already.
     */
    Episode open(String tenant, String type, String severity, String hex, String hex2, Instant firstSeen) {
        String subject = hex2 == null ? hex : hex + "|" + hex2;
        Inherited before = inherited.remove(type + "/" + subject);
        if (before != null) {
            adopted.add(before.episode);
            return before.episode;
        }
        open++;
        return new Episode(tenant, SafetyEventIds.of(tenant, type, subject, firstSeen), type, severity, hex, hex2,
                firstSeen);
    }

    /** True, once, for an episode {@link #open} continued rather than opened. */
    boolean wasAdopted(Episode episode) {
        return adopted.remove(episode);
    }

    /**
     * Takes over an episode another owner published as open.
     *
     * @param endMessage  the message of its closing record, should it end here unconfirmed
     * @param lastDetails the details its last record carried, for that closing record
     */
    void inherit(Episode episode, Instant since, String endMessage, Map<String, Object> lastDetails) {
        String subject = episode.hex2() == null ? episode.hex() : episode.hex() + "|" + episode.hex2();
        if (inherited.put(episode.type() + "/" + subject, new Inherited(episode, since, endMessage, lastDetails))
                == null) {
            open++;
        }
    }

    /** Ends the inherited episodes no detector confirmed again since before {@code before} ({@code handover}). */
    void endInherited(Instant before, Instant at, List<Emission> out) {
        for (Iterator<Inherited> left = inherited.values().iterator(); left.hasNext();) {
            Inherited one = left.next();
            if (one.since.isBefore(before)) {
                left.remove();
                Details details = new Details();
                one.lastDetails.forEach(details::put);
                close(one.episode, at, one.endMessage, details, "handover", out);
            }
        }
    }

    void close(Episode episode, Instant at, String message, Details details, String reason, List<Emission> out) {
        open--;
        out.add(episode.emit(at, message, details.put("end_reason", reason).map(), false));
    }

    int openEpisodes() {
        return open;
    }

    private record Inherited(Episode episode, Instant since, String endMessage, Map<String, Object> lastDetails) {
    }
}

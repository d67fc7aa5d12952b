package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.streamgate.platform.aviation.AcasAdvisory;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;

/**
 * The TCAS II resolution advisories aircraft report themselves (BDS 3,0 in their Mode S replies, decoded by
 * ingest), as SkySpy {@code TCAS_RA} safety events with {@code details.source: reported}: one episode per
 * reporting aircraft and threat, raised on the first report, a new revision when the advisory changes (ARA, RAC,
 * sense), ended when the aircraft reports it terminated or falls silent for {@code acas.silence}. Unlike the
 * inferred advisories of {@link ProximityDetector} nothing is predicted: the aircraft's own TCAS decided. Used by
 * one thread.
 */
public final class ReportedAdvisories {

    private record Key(String tenant, String hex, String threat) {
    }

    private static final class Open {
        final Episode episode;
        AcasAdvisory latest;

        Open(Episode episode, AcasAdvisory latest) {
            this.episode = episode;
            this.latest = latest;
        }
    }

    private final long silenceMillis;
    private final EpisodeLog log = new EpisodeLog();
    private final Map<Key, Open> open = new HashMap<>();

    public ReportedAdvisories(AviationSafetyConfig config) {
        this.silenceMillis = config.acas().silence().toMillis();
    }

    public List<Emission> onReport(String tenant, AcasAdvisory report) {
        Key key = new Key(tenant, report.hex(), report.threatHex() == null ? "" : report.threatHex());
        Instant at = report.timestamp();
        Open current = open.get(key);
        List<Emission> out = new ArrayList<>(1);
        if (report.terminated()) {
            if (current != null) {
                open.remove(key);
                current.episode.seen(at);
                log.close(current.episode, at, "TCAS resolution advisory terminated", details(report), "terminated",
                        out);
            }
            return out;
        }
        if (current == null) {
            Episode episode = log.open(tenant, SafetyEvent.TYPE_TCAS_RA, SafetyEvent.CRITICAL, report.hex(),
                    report.threatHex(), at);
            open.put(key, new Open(episode, report));
            out.add(episode.emit(at, message(report), details(report).map(), true));
            return out;
        }
        current.episode.seen(at);
        if (changed(current.latest, report)) {
            out.add(current.episode.emit(at, message(report), details(report).map(), true));
        }
        current.latest = report;
        return out;
    }

    /** Ends the advisories whose aircraft fell silent. Call it every {@code sweep-interval}. */
    public List<Emission> sweep(Instant now) {
        List<Emission> out = new ArrayList<>(0);
        for (Iterator<Open> it = open.values().iterator(); it.hasNext();) {
            Open current = it.next();
            if (now.toEpochMilli() - current.episode.lastSeen().toEpochMilli() > silenceMillis) {
                it.remove();
                log.close(current.episode, now, "TCAS resolution advisory no longer reported", details(current.latest),
                        "silence", out);
            }
        }
        return out;
    }

    public int openEpisodes() {
        return open.size();
    }

    private static boolean changed(AcasAdvisory before, AcasAdvisory now) {
        return before.ara() != now.ara() || before.rac() != now.rac() || !Objects.equals(before.sense(), now.sense())
                || before.multipleThreats() != now.multipleThreats();
    }

    private static String message(AcasAdvisory report) {
        String sense = report.sense() == null ? "" : " (" + report.sense() + ")";
        return "TCAS resolution advisory reported" + sense
                + (report.threatHex() == null ? "" : " against " + report.threatHex());
    }

    private static Details details(AcasAdvisory report) {
        Details details = new Details().put("source", "reported").put("ara", report.ara()).put("rac", report.rac())
                .put("multiple_threats", report.multipleThreats()).put("downlink_format", report.downlinkFormat());
        if (report.sense() != null) {
            details.put("sense", report.sense());
        }
        if (report.altBaro() != null) {
            details.put("altitude", report.altBaro());
        }
        if (report.lat() != null && report.lon() != null) {
            details.position("position", report.lat(), report.lon());
        }
        return details;
    }
}

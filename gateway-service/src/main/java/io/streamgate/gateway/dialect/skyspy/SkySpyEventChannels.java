package io.streamgate.gateway.dialect.skyspy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.gateway.aviation.AcarsFeed;
import io.streamgate.gateway.aviation.AirspaceFeed;
import io.streamgate.gateway.aviation.AudioFeed;
import io.streamgate.gateway.aviation.NotamFeed;
import io.streamgate.gateway.aviation.SafetyFeed;
import io.streamgate.gateway.alerts.AlertFeed;
import io.streamgate.platform.event.EventTypes;

/** SkySpy's event endpoints and the message type each event takes. */
@ApplicationScoped
public class SkySpyEventChannels {

    private final SkySpyEventChannel acars;
    private final SkySpyEventChannel notams;
    private final SkySpyEventChannel audio;
    private final SkySpyEventChannel airspace;
    private final SkySpyEventChannel safety;
    private final SkySpyEventChannel alerts;

    SkySpyEventChannels(AcarsFeed acars, NotamFeed notams, AudioFeed audio, AirspaceFeed airspace,
            SafetyFeed safety, AlertFeed alerts) {
        this.acars = new SkySpyEventChannel(acars, event -> "acars:message", true, null);
        this.notams = new SkySpyEventChannel(notams, event -> isTfr(event.data()) ? "notams:tfr_new" : "notams:new",
                true, null);
        this.audio = new SkySpyEventChannel(audio, event -> "audio:transcription_completed", true, null);
        this.airspace = new SkySpyEventChannel(airspace, event -> "airspace:advisory", true, null);
        this.safety = new SkySpyEventChannel(safety, event -> "safety:event", false,
                tenant -> SkySpySafety.snapshot(safety.activeEvents(tenant)));
        this.alerts = new SkySpyEventChannel(alerts, SkySpyEventChannels::alertType, false, null, false);
    }

    SkySpyEventChannel alerts() {
        return alerts;
    }

    SkySpyEventChannel safety() {
        return safety;
    }

    SkySpyEventChannel acars() {
        return acars;
    }

    SkySpyEventChannel notams() {
        return notams;
    }

    SkySpyEventChannel audio() {
        return audio;
    }

    SkySpyEventChannel airspace() {
        return airspace;
    }

    /** The SSE paths, one per WebSocket endpoint. */
    Map<String, SkySpyEventChannel> bySsePath() {
        return Map.of("/sse/acars/", acars, "/sse/notams/", notams, "/sse/audio/", audio, "/sse/airspace/", airspace,
                "/sse/safety/", safety,
                "/sse/alerts/", alerts);
    }

    /** Sensor threshold alerts share the topic; they are Haltless's, not SkySpy's. */
    private static String alertType(io.streamgate.gateway.engine.events.LiveEvent event) {
        return switch (event.envelope().type()) {
            case EventTypes.ALERT_TRIGGERED -> "alert:triggered";
            case EventTypes.ALERT_ACKNOWLEDGED -> "alert:acknowledged";
            default -> null;
        };
    }

    /** Ingest writes compact JSON, so the TFR marker has exactly this spelling. */
    private static boolean isTfr(byte[] notam) {
        return new String(notam, StandardCharsets.UTF_8).contains("\"type\":\"TFR\"");
    }
}

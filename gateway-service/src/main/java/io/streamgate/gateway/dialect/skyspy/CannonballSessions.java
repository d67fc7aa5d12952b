package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonGenerator;

import io.quarkus.runtime.StartupEvent;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.aircraft.threats.Threat;
import io.streamgate.gateway.aircraft.threats.ThreatTracker;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * The Cannonball sessions: each user's position, heading and radius, and its threat picture, pushed
 * after every position update and every {@code update-interval} while the position is known.
 */
@ApplicationScoped
public class CannonballSessions {

    /** One user's view; position fields are written by the socket thread, the tracker only on the engine thread. */
    static final class State {
        volatile double lat;
        volatile double lon;
        volatile double heading;
        volatile boolean located;
        volatile double radiusNm;
        final ThreatTracker tracker;

        State(double radiusNm, int maxThreats) {
            this.radiusNm = radiusNm;
            this.tracker = new ThreatTracker(maxThreats);
        }
    }

    private final Map<Session, State> sessions = new ConcurrentHashMap<>();
    private final AircraftFeed aircraft;
    private final EngineLoop loop;
    private final CannonballConfig config;

    CannonballSessions(AircraftFeed aircraft, EngineLoop loop, CannonballConfig config) {
        this.aircraft = aircraft;
        this.loop = loop;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        loop.every(config.updateInterval(), this::pushAll);
    }

    State open(Session session) {
        State state = new State(config.defaultRadiusNm(), config.maxThreats());
        sessions.put(session, state);
        return state;
    }

    void close(Session session) {
        sessions.remove(session);
    }

    CannonballConfig config() {
        return config;
    }

    /** The {@code threats} message for the session's current position. */
    CompletionStage<String> threats(Session session, State state) {
        return aircraft.query(session.identity().tenant(), all -> render(state, state.tracker.assess(all,
                state.lat, state.lon, state.heading, state.radiusNm)));
    }

    private void pushAll() {
        sessions.forEach((session, state) -> {
            if (state.located) {
                threats(session, state).thenAccept(session::send);
            }
        });
    }

    private static String render(State state, List<Threat> threats) {
        return SkySpyJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "threats");
            json.writeArrayFieldStart("data");
            for (Threat threat : threats) {
                threat(json, threat);
            }
            json.writeEndArray();
            json.writeNumberField("count", threats.size());
            json.writeObjectFieldStart("position");
            json.writeNumberField("lat", state.lat);
            json.writeNumberField("lon", state.lon);
            json.writeEndObject();
            json.writeStringField("timestamp", SkySpyJson.timestamp(Instant.now()));
            json.writeEndObject();
        });
    }

    private static void threat(JsonGenerator json, Threat threat) throws IOException {
        AircraftPosition a = threat.aircraft();
        json.writeStartObject();
        json.writeStringField("hex", a.hex());
        if (a.flight() != null) {
            json.writeStringField("callsign", a.flight());
        }
        if (a.category() != null) {
            json.writeStringField("category", a.category());
        }
        json.writeNumberField("distance_nm", Math.round(threat.distanceNm() * 100) / 100.0);
        json.writeNumberField("bearing", Math.round(threat.bearing()) % 360);
        json.writeNumberField("relative_bearing", Math.round(threat.relativeBearing()) % 360);
        json.writeStringField("direction", threat.direction());
        if (a.onGround()) {
            json.writeNumberField("altitude", 0);
        } else if (a.altBaro() != null) {
            json.writeNumberField("altitude", a.altBaro());
        }
        if (a.groundSpeed() != null) {
            json.writeNumberField("ground_speed", Math.round(a.groundSpeed()));
        }
        json.writeStringField("trend", threat.trend().name().toLowerCase());
        json.writeStringField("threat_level", threat.level().name().toLowerCase());
        // The feed carries no operator data: law enforcement is unknown, rotorcraft is emitter category A7.
        json.writeBooleanField("is_law_enforcement", false);
        json.writeBooleanField("is_helicopter", "A7".equals(a.category()));
        json.writeStringField("confidence", a.stale() ? "low" : "high");
        json.writeNumberField("lat", a.lat());
        json.writeNumberField("lon", a.lon());
        json.writeEndObject();
    }
}

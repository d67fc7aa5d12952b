package io.streamgate.gateway.dialect.skyspy;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.InboundError;

/**
 * SkySpy's client API: its endpoints (trailing slash as documented; every one also as SSE under
 * {@code /sse/}), its close codes (4000 heartbeat timeout: reconnect; 4001 unauthorized: check the
 * credential) and its error messages. The aircraft, stats and Cannonball feeds are public in hybrid
 * mode; alerts belong to users and need a token.
 */
@ApplicationScoped
public class SkySpyDialect implements Dialect {

    static final CloseCodes CLOSE_CODES = new CloseCodes(SkySpyCloseCodes.UNAUTHORIZED, SkySpyCloseCodes.UNAUTHORIZED,
            SkySpyCloseCodes.HEARTBEAT_TIMEOUT, SkySpyCloseCodes.SLOW_CONSUMER, SkySpyCloseCodes.UNAUTHORIZED,
            SkySpyCloseCodes.MESSAGE_TOO_BIG, SkySpyCloseCodes.GOING_AWAY);

    private final List<Endpoint> endpoints;
    private final SkySpyConfig config;

    SkySpyDialect(SkySpyConfig config, SkySpyEventChannels events, SkySpyAircraftChannel aircraft,
            SkySpyAllChannel all, SkySpyStatsChannel stats, SkySpyCannonballChannel cannonball,
            SkySpyAcarsRequests acarsRequests, SkySpyAirspaceRequests airspaceRequests, SkySpySafety safetyRequests,
            SkySpyAlertRequests alertRequests) {
        this.config = config;
        this.endpoints = List.of(
                Endpoint.webSocket("/ws/all/", true, all::open),
                Endpoint.webSocket("/ws/aircraft/", true, aircraft::openWebSocket),
                Endpoint.sse("/sse/aircraft/", true, aircraft::openSse),
                events.acars().webSocket("/ws/acars/", (session, type, id, params) ->
                        acarsRequests.answer(session.identity().tenant(), type, id, params)),
                events.acars().sse("/sse/acars/"),
                events.notams().webSocket("/ws/notams/", SkySpyRequests.NONE),
                events.notams().sse("/sse/notams/"),
                events.audio().webSocket("/ws/audio/", SkySpyRequests.NONE),
                events.audio().sse("/sse/audio/"),
                events.airspace().webSocket("/ws/airspace/", (session, type, id, params) ->
                        airspaceRequests.answer(session.identity().tenant(), type, id, params)),
                events.airspace().sse("/sse/airspace/"),
                events.safety().webSocket("/ws/safety/", (session, type, id, params) ->
                        safetyRequests.answer(session.identity(), type, id, params)),
                events.safety().sse("/sse/safety/"),
                events.alerts().webSocket("/ws/alerts/", (session, type, id, params) ->
                        alertRequests.answer(session.identity(), type, id, params)),
                events.alerts().sse("/sse/alerts/"),
                Endpoint.webSocket("/ws/stats/", true, stats::openWebSocket),
                Endpoint.sse("/sse/stats/", true, stats::openSse),
                Endpoint.webSocket("/ws/cannonball/", true, cannonball::open));
    }

    @Override
    public String name() {
        return "skyspy";
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public CloseCodes closeCodes() {
        return CLOSE_CODES;
    }

    @Override
    public Duration heartbeatTimeout() {
        return config.heartbeatTimeout();
    }

    @Override
    public String inboundError(InboundError error) {
        return switch (error) {
            case MESSAGE_TOO_BIG -> SkySpyClientMessages.error(SkySpyClientMessages.MESSAGE_TOO_LARGE, null);
            case BINARY_NOT_SUPPORTED -> SkySpyClientMessages.error(SkySpyClientMessages.BINARY_NOT_SUPPORTED, null);
            case RATE_LIMITED -> SkySpyClientMessages.error(SkySpyClientMessages.RATE_LIMITED, null);
        };
    }
}

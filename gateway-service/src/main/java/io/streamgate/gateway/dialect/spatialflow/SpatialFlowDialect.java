package io.streamgate.gateway.dialect.spatialflow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.gateway.devices.GeofenceEventFeed;
import io.streamgate.gateway.dialect.Channel;
import io.streamgate.gateway.dialect.CloseCodes;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.dialect.InboundError;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.stats.StatsView;
import io.streamgate.gateway.workflows.WebhookStatusFeed;
import io.streamgate.gateway.workflows.WorkflowDirectory;
import io.streamgate.gateway.workflows.WorkflowEventFeed;

/**
 * SpatialFlow (geofences and workflows): five WebSocket channels, trailing slash as its guide writes them, the
 * JWT as {@code Sec-WebSocket-Protocol: access_token, <jwt>} (the server selects {@code access_token}) or the
 * deprecated {@code ?token=}; each channel's SSE fallback under {@code /sse/…} with the same path.
 */
@ApplicationScoped
public class SpatialFlowDialect implements Dialect {

    static final String DASHBOARD = "/ws/dashboard/events/";
    static final String GEOFENCE = "/ws/events/geofence/";
    static final String WORKFLOW = "/ws/workflows/:workflowId/";
    static final String EXECUTION = "/ws/workflows/:workflowId/executions/:executionId/";
    static final String WEBHOOKS = "/ws/webhooks/status/";

    /**
     * 4001 no or refused token (and one that expires while open), 4003 a non-superuser on the webhook channel
     * (the guide's code), 4004 a workflow or execution the caller's tenant does not have; the rest are the
     * standard codes a client retries on: 1013 slow consumer, 1009 frame too big, 1001 going away, 4000 idle.
     */
    private static final CloseCodes CODES = new CloseCodes(4001, 4001, 4000, 1013, 4003, 1009, 1001, 1008, 1008,
            4004);

    private final List<Endpoint> endpoints;
    private final SpatialFlowConfig config;

    SpatialFlowDialect(GeofenceEventFeed geofenceEvents, StatsView stats, WorkflowEventFeed workflowEvents,
            WorkflowDirectory directory, WebhookStatusFeed webhookStatuses, SpatialFlowConfig config) {
        this.config = config;
        GeofenceChannels geofences = new GeofenceChannels(geofenceEvents, stats, config);
        WorkflowChannels workflows = new WorkflowChannels(workflowEvents, directory);
        WebhookStatusChannel webhooks = new WebhookStatusChannel(webhookStatuses);
        this.endpoints = List.of(
                geofences.dashboard(DASHBOARD, false), geofences.dashboard(sse(DASHBOARD), true),
                geofences.geofenceEvents(GEOFENCE, false), geofences.geofenceEvents(sse(GEOFENCE), true),
                workflows.workflow(WORKFLOW, false), workflows.workflow(sse(WORKFLOW), true),
                workflows.execution(EXECUTION, false), workflows.execution(sse(EXECUTION), true),
                webhooks.endpoint(WEBHOOKS, false), webhooks.endpoint(sse(WEBHOOKS), true))
                .stream().map(SpatialFlowDialect::workspaceUsersOnly).toList();
    }

    /**
     * Every channel needs an authenticated workspace user, whatever the deployment's auth mode lets anonymous
     * clients read elsewhere: an anonymous one is closed as unauthorized (4001).
     */
    private static Endpoint workspaceUsersOnly(Endpoint endpoint) {
        Channel channel = endpoint.channel();
        return new Endpoint(endpoint.path(), endpoint.transport(), false, endpoint.credential(),
                new Channel() {
                    @Override
                    public Conversation open(Session session, Handshake handshake) {
                        if (session.identity().isAnonymous()) {
                            session.close(Refusal.UNAUTHORIZED, "Authentication required");
                            return Conversation.closing(() -> {
                            });
                        }
                        return channel.open(session, handshake);
                    }

                    @Override
                    public Optional<String> refusal(Handshake handshake) {
                        return channel.refusal(handshake);
                    }
                });
    }

    /** A channel's SSE fallback: the same path under {@code /sse/} ({@code /sse/events/geofence/}). */
    static String sse(String webSocketPath) {
        return "/sse/" + webSocketPath.substring("/ws/".length());
    }

    @Override
    public String name() {
        return "spatialflow";
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public CloseCodes closeCodes() {
        return CODES;
    }

    @Override
    public Duration heartbeatTimeout() {
        return config.idleTimeout();
    }

    @Override
    public String inboundError(InboundError error) {
        return SpatialFlowMessages.error(switch (error) {
        case MESSAGE_TOO_BIG -> "Message too large";
        case BINARY_NOT_SUPPORTED -> "Binary frames are not supported";
        case RATE_LIMITED -> "Rate limited: too many messages from this workspace; slow down";
        });
    }
}

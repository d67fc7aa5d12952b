package io.streamgate.gateway.dialect.spooled;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.Channel;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.events.CombinedCursor;
import io.streamgate.gateway.health.SystemHealth;
import io.streamgate.gateway.health.SystemHealthView;
import io.streamgate.gateway.jobs.JobEventFeed;
import io.streamgate.gateway.jobs.WorkerEventFeed;
import io.streamgate.gateway.stats.StatsView;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.platform.json.Json;

/**
 * Spooled's streams over the engine: the job and worker event feeds (filtered per client by
 * {@link SpooledFilter}), the queue figures of the stats view and the system health view.
 *
 * <ul>
 * <li>WebSocket {@code /api/v1/ws}: everything of the tenant the query filters let through; commands
 * narrow or widen it (see {@link SpooledCommand}).</li>
 * <li>SSE {@code /api/v1/events} (same query filters) and {@code /api/v1/events/queues/{queue}}: the same
 * events, with one combined {@code id:} over the job and worker feeds and exact resume from
 * {@code Last-Event-ID}.</li>
 * <li>SSE {@code /api/v1/events/jobs/{job_id}}: the job's events, starting with those still in the
 * gateway's memory buffer (a job that already finished is told at once), ending after its terminal
 * event.</li>
 * </ul>
 */
final class SpooledChannels {

    private static final Logger LOG = Logger.getLogger(SpooledChannels.class);

    static final String WEBSOCKET_PATH = "/api/v1/ws";
    static final String EVENTS_PATH = "/api/v1/events";
    static final String QUEUE_EVENTS_PATH = "/api/v1/events/queues/:queue";
    static final String JOB_EVENTS_PATH = "/api/v1/events/jobs/:jobId";

    static final String GAP = "Some events since your Last-Event-ID are no longer available; reload your state";

    private static final Function<SystemHealth, String> HEALTH = SpooledMessages::systemHealth;
    private static final Function<SystemHealth, String> SSE_HEALTH = health -> SseFrames.event(null,
            "system.health", SpooledMessages.systemHealth(health));
    private static final String HEALTH_EVENT = "system.health";

    private final JobEventFeed jobs;
    private final WorkerEventFeed workers;
    private final StatsView stats;
    private final SystemHealthView health;

    SpooledChannels(JobEventFeed jobs, WorkerEventFeed workers, StatsView stats, SystemHealthView health) {
        this.jobs = jobs;
        this.workers = workers;
        this.stats = stats;
        this.health = health;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.webSocketAuthenticatedOnUpgrade(WEBSOCKET_PATH, webSocket()),
                Endpoint.sse(EVENTS_PATH, false, sse(handshake -> handshake.query("queue"))),
                Endpoint.sse(QUEUE_EVENTS_PATH, false, sse(handshake -> handshake.pathParams().get("queue"))),
                Endpoint.sse(JOB_EVENTS_PATH, false, jobStream()));
    }

    private static SpooledFilter filterOf(Handshake handshake, String queue) {
        return new SpooledFilter(queue, handshake.query("job_id"), SpooledFilter.eventNames(handshake.query("events")));
    }

    private Channel webSocket() {
        return new Channel() {
            @Override
            public Conversation open(Session session, Handshake handshake) {
                SpooledFilter filter = filterOf(handshake, handshake.query("queue"));
                WebSocketConversation conversation = new WebSocketConversation(session, filter);
                String tenant = session.identity().tenant();
                jobs.subscribe(session, tenant, SpooledEventCodec.WEBSOCKET, filter, null, null, null);
                workers.subscribe(session, tenant, SpooledEventCodec.WEBSOCKET, filter, null, null, null);
                conversation.watchFigures();
                return conversation;
            }

            @Override
            public Optional<String> refusal(Handshake handshake) {
                return SpooledFilter.invalidQueue(handshake.query("queue"));
            }
        };
    }

    private Channel sse(Function<Handshake, String> queueOf) {
        return new Channel() {
            @Override
            public Conversation open(Session session, Handshake handshake) {
                SpooledFilter filter = filterOf(handshake, queueOf.apply(handshake));
                String from = handshake.lastEventId();
                Session stream = new CombinedCursor(session, List.of(jobs.topic().name(), workers.topic().name()), from);
                String tenant = session.identity().tenant();
                Runnable gap = () -> stream.send(SseFrames.event(null, "error", SpooledMessages.error(GAP)));
                jobs.subscribe(stream, tenant, SpooledEventCodec.SSE, filter,
                        CombinedCursor.idFor(from, jobs.topic().name()), gap, null);
                workers.subscribe(stream, tenant, SpooledEventCodec.SSE, filter,
                        CombinedCursor.idFor(from, workers.topic().name()), gap, null);
                watchFigures(stream, filter, true);
                return Conversation.closing(() -> {
                    jobs.unsubscribe(stream);
                    workers.unsubscribe(stream);
                    stats.close(stream);
                    health.forget(stream);
                });
            }

            @Override
            public Optional<String> refusal(Handshake handshake) {
                return SpooledFilter.invalidQueue(queueOf.apply(handshake));
            }
        };
    }

    /**
     * A fresh client (no {@code Last-Event-ID}) starts from the oldest event in the feed's memory buffer, so
     * it gets the job's history the gateway holds and the stream of a job that already finished ends at
     * once instead of waiting forever. That costs one filter test per buffered event per connection: fine
     * for an SSE stream a CLI opens per job, and never a read of Kafka.
     */
    private Channel jobStream() {
        return (session, handshake) -> {
            String jobId = handshake.pathParams().get("jobId");
            Session stream = new FinishingSession(session);
            String tenant = session.identity().tenant();
            SpooledFilter filter = new SpooledFilter(null, jobId, null);
            Runnable gap = () -> stream.send(SseFrames.event(null, "error", SpooledMessages.error(GAP)));
            String from = handshake.lastEventId();
            CompletableFuture<String> start = from != null ? CompletableFuture.completedFuture(from)
                    : jobs.bufferStartId();
            start.thenAccept(position -> jobs.subscribe(stream, tenant, SpooledEventCodec.SSE_JOB, filter, position,
                    gap, null)).whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            LOG.errorf(failure, "the job stream could not start");
                            stream.close(Refusal.GOING_AWAY, "Stream could not start; retry");
                        }
                    });
            return Conversation.closing(() -> jobs.unsubscribe(stream));
        };
    }

    /** Queue figures and system health, as far as the filter lets them through. */
    private void watchFigures(Session session, SpooledFilter filter, boolean sse) {
        String tenant = session.identity().tenant();
        stats.open(session, tenant, SpooledQueueStats.of(filter, sse));
        if (filter.jobId() == null && filter.wantsName(SpooledQueueStats.EVENT)) {
            stats.watch(session, List.of(SpooledQueueStats.STAT_TYPE), null);
        }
        if (filter.wantsUnscoped(HEALTH_EVENT)) {
            health.watch(session, sse ? SSE_HEALTH : HEALTH);
        } else {
            health.forget(session);
        }
    }

    /** One WebSocket client's filter and commands, touched on its event loop one message at a time. */
    private final class WebSocketConversation implements Conversation {

        private final Session session;
        private SpooledFilter filter;

        WebSocketConversation(Session session, SpooledFilter filter) {
            this.session = session;
            this.filter = filter;
        }

        void watchFigures() {
            SpooledChannels.this.watchFigures(session, filter, false);
        }

        @Override
        public Uni<String> text(String message) {
            SpooledCommand command = SpooledCommand.parse(message);
            if (command.verb() == null) {
                return Uni.createFrom().item(refusal(command.requestId(), command.problem()));
            }
            if (command.verb().equals("ping")) {
                return Uni.createFrom().item(SpooledMessages.ping(Instant.now()));
            }
            Optional<String> invalid = SpooledFilter.invalidQueue(command.queue());
            if (invalid.isPresent()) {
                return Uni.createFrom().item(refusal(command.requestId(), invalid.get()));
            }
            SpooledFilter next = command.verb().equals("subscribe") ? subscribed(command) : unsubscribed(command);
            return refilter(next).map(ignored -> answer(command));
        }

        /** Spooled's rule: a subscribe sets what it names and keeps the rest. */
        private SpooledFilter subscribed(SpooledCommand command) {
            SpooledFilter next = filter;
            if (command.queue() != null) {
                next = next.withQueue(command.queue());
            }
            if (command.jobId() != null) {
                next = next.withJob(command.jobId());
            }
            return next;
        }

        /** An unsubscribe clears what it names (or everything, naming nothing), if it is what is set. */
        private SpooledFilter unsubscribed(SpooledCommand command) {
            SpooledFilter next = filter;
            if (command.queue() == null || command.queue().equals(filter.queue())) {
                next = next.withQueue(null);
            }
            if (command.jobId() == null || command.jobId().equals(filter.jobId())) {
                next = next.withJob(null);
            }
            return next;
        }

        private Uni<Void> refilter(SpooledFilter next) {
            if (next.equals(filter)) {
                return Uni.createFrom().voidItem();
            }
            filter = next;
            return Uni.createFrom().completionStage(jobs.refilter(session, next)
                    .thenCompose(ignored -> workers.refilter(session, next))
                    .thenRun(this::watchFigures));
        }

        /** The documented spelling gets no answer (Spooled sends none); the SDK's gets its request id back. */
        private String answer(SpooledCommand command) {
            if (command.requestId() == null) {
                return null;
            }
            ObjectNode answer = Json.mapper().createObjectNode();
            answer.put("type", command.verb() + "d");
            answer.put("requestId", command.requestId());
            return answer.toString();
        }

        private String refusal(String requestId, String problem) {
            if (requestId == null) {
                return SpooledMessages.error(problem);
            }
            ObjectNode answer = Json.mapper().createObjectNode();
            answer.put("type", "error");
            answer.put("requestId", requestId);
            answer.put("error", problem);
            return answer.toString();
        }

        @Override
        public void closed() {
            jobs.unsubscribe(session);
            workers.unsubscribe(session);
            stats.close(session);
            health.forget(session);
        }
    }
}

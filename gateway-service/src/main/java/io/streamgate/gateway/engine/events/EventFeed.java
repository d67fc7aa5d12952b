package io.streamgate.gateway.engine.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.Encoder;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Refusal;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.Subscribers;
import io.streamgate.gateway.engine.TopicHandler;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;

/**
 * A feed of discrete events that must not be lost (ACARS messages, NOTAMs, safety events, alerts):
 * every event goes to every subscribed session of its tenant, encoded once per dialect variant, each
 * with a resumable id. Nothing is conflated or dropped: a session that cannot take an event is closed
 * as a {@link Refusal#SLOW_CONSUMER} (its dialect's close code, 1013 "try again later" for SkySpy) and
 * resumes from the last id it received.
 *
 * <p>Resume: from the in-memory buffer of recent events when it reaches back far enough, else by
 * reading the gap back from Kafka; beyond Kafka's retention the client is told the gap was not
 * filled. Either way, a resumed session gets every missed event once, in order, then the live ones.
 * The missed events go out as fast as the session drains them (a {@link CatchUp} per resuming
 * session, advanced whenever its buffer is below half), and the session joins the live subscribers
 * only once it has caught up with the buffer — on the engine thread, so no event slips between.
 */
public abstract class EventFeed implements TopicHandler {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    private final Topic topic;
    private final EngineLoop loop;
    private final EventFeedConfig config;
    private final KafkaReplay replay;
    private final Subscribers<LiveEvent, Encoder<LiveEvent>> subscribers = new Subscribers<>();
    private final ArrayDeque<LiveEvent> recent = new ArrayDeque<>();
    private final Map<Integer, Long> bufferFloor = new HashMap<>();
    private final Map<Session, CatchUp> catchingUp = new LinkedHashMap<>();
    private StreamPosition position;
    private final Counter slowConsumerCloses;
    private final Counter malformed;
    private final Map<ResumeOutcome, Counter> resumes = new HashMap<>();

    protected EventFeed(Topic topic, EngineLoop loop, EventFeedConfig config, KafkaReplay replay,
            MeterRegistry registry) {
        this.topic = topic;
        this.loop = loop;
        this.config = config;
        this.replay = replay;
        this.position = StreamPosition.start(topic.name(), 0);
        this.slowConsumerCloses = Counter.builder("streamgate.gateway.slow.consumer.closes")
                .tag("feed", topic.name()).register(registry);
        this.malformed = Counter.builder("streamgate.gateway.records.malformed").tag("feed", topic.name())
                .register(registry);
        for (ResumeOutcome outcome : ResumeOutcome.values()) {
            resumes.put(outcome, Counter.builder("streamgate.gateway.resumes").tag("feed", topic.name())
                    .tag("outcome", outcome.name().toLowerCase()).register(registry));
        }
        loop.every(config.catchUpInterval(), this::advanceCatchUps);
    }

    @Override
    public Topic topic() {
        return topic;
    }

    /** Live events only: history is served on demand by resume, never replayed to everyone at start. */
    @Override
    public StartPosition startPosition() {
        return StartPosition.lookback(Duration.ZERO);
    }

    @Override
    public void onAssigned(Map<Integer, Long> startOffsets) {
        startOffsets.forEach((partition, offset) -> {
            bufferFloor.put(partition, offset);
            position = position.after(partition, offset - 1);
        });
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            position = position.after(record.partition(), record.offset());
            EventEnvelope envelope;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
            } catch (MalformedEventException e) {
                malformed.increment();
                continue;
            }
            if (record.value() == null) {
                continue;
            }
            LiveEvent event = new LiveEvent(record.partition(), record.offset(), position.encode(), envelope,
                    record.value());
            remember(event);
            publish(event);
        }
    }

    /**
     * The tenant's events still in the memory buffer, newest first: what requests for recent history
     * are answered from (at most {@link EventFeedConfig#replayBufferEvents()} of all tenants together).
     */
    public CompletableFuture<List<LiveEvent>> recentEvents(String tenant) {
        return loop.submit(() -> recentOnEngineThread(tenant, Integer.MAX_VALUE));
    }

    /**
     * As {@link #recentEvents(String)}, at most {@code limit} of them, for a caller already on the engine thread
     * (an encoder, a snapshot): what it renders is then ordered against the live events around it.
     */
    public List<LiveEvent> recentOnEngineThread(String tenant, int limit) {
        List<LiveEvent> events = new ArrayList<>(Math.min(limit, 16));
        for (Iterator<LiveEvent> it = recent.descendingIterator(); it.hasNext() && events.size() < limit;) {
            LiveEvent event = it.next();
            if (tenant.equals(event.envelope().tenant())) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * The id that resumes from the oldest event still in the memory buffer: where a client starts that wants
     * the buffered history of something (Spooled's stream of one job, which may have finished already).
     * Resuming from it never reads Kafka.
     */
    public CompletableFuture<String> bufferStartId() {
        return loop.submit(() -> {
            StreamPosition start = position;
            for (Map.Entry<Integer, Long> floor : bufferFloor.entrySet()) {
                start = start.at(floor.getKey(), floor.getValue());
            }
            return start.encode();
        });
    }

    /**
     * The feed's position now: the id that resumes from the next event. A channel that reads a snapshot from
     * elsewhere (Redis) takes it first and subscribes from it, so no event written while it read is lost.
     */
    public CompletableFuture<String> currentId() {
        return loop.submit(position::encode);
    }

    /**
     * Subscribes {@code session} to its tenant's events, first delivering what it missed since
     * {@code lastEventId} (null for a fresh start). Completes, on the engine thread, once the session
     * is live.
     *
     * @param onGap called before any replayed event when the gap cannot be filled entirely
     */
    public CompletionStage<ResumeOutcome> subscribe(Session session, String tenant, Encoder<LiveEvent> encoder,
            String lastEventId, Runnable onGap) {
        return subscribe(session, tenant, encoder, lastEventId, onGap, null);
    }

    /**
     * As {@link #subscribe(Session, String, Encoder, String, Runnable)}, first sending the frames
     * {@code snapshot} renders on the engine thread: ordered before every event that follows them.
     */
    public CompletionStage<ResumeOutcome> subscribe(Session session, String tenant, Encoder<LiveEvent> encoder,
            String lastEventId, Runnable onGap, Supplier<List<String>> snapshot) {
        return subscribe(session, tenant, encoder, EventFilter.ALL, lastEventId, onGap, snapshot);
    }

    /**
     * As {@link #subscribe(Session, String, Encoder, String, Runnable, Supplier)}, for the events
     * {@code filter} selects only (replayed ones too). The filter is tested once per group of sessions
     * with an equal filter and the same encoder, never once per session.
     */
    public CompletionStage<ResumeOutcome> subscribe(Session session, String tenant, Encoder<LiveEvent> codec,
            EventFilter filter, String lastEventId, Runnable onGap, Supplier<List<String>> snapshot) {
        Encoder<LiveEvent> encoder = EventSelection.of(codec, filter);
        CompletableFuture<ResumeOutcome> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (snapshot != null && !sendAll(session, snapshot.get())) {
                closeSlow(session, "client too slow to take its snapshot");
                done.complete(ResumeOutcome.NONE);
                return;
            }
            StreamPosition from = lastEventId == null ? null
                    : StreamPosition.decode(lastEventId, topic.name()).orElse(null);
            if (from == null && lastEventId != null) {
                // Not an id of this feed (garbage, another topic's, a truncated one): the client believes it
                // is resuming, so it must learn that nothing was recovered, as for a gap beyond retention.
                // The value is the client's and is not logged.
                LOG.debugf("unrecognised resume id on %s: announced as a gap", topic.name());
                if (onGap != null) {
                    onGap.run();
                }
                subscribers.add(tenant, encoder, session);
                done.complete(count(ResumeOutcome.GAP));
            } else if (from == null) {
                subscribers.add(tenant, encoder, session);
                done.complete(count(ResumeOutcome.NONE));
            } else if (bufferReaches(from)) {
                catchUp(new CatchUp(session, tenant, encoder, new ArrayDeque<>(), from, onGap));
                done.complete(count(ResumeOutcome.FROM_BUFFER));
            } else {
                StreamPosition target = position;
                replay.read(topic.name(), from, target, tenant, config.replayMaxEvents()).whenComplete(
                        (result, failure) -> loop.execute(() -> finishReplay(session, tenant, encoder, target, result,
                                failure, onGap, done)));
            }
        });
        return done;
    }

    private static boolean sendAll(Session session, List<String> frames) {
        for (String frame : frames) {
            if (!session.send(frame)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces the filter of a subscribed session (also while it is still catching up), atomically on the
     * engine thread: every event after the switch is tested against the new filter, none is sent twice
     * or skipped. A session that is not subscribed (closed meanwhile, or still waiting for its Kafka
     * read-back, which WebSocket dialects that refilter do not ask for) is left alone.
     *
     * @return completes on the engine thread once the new filter is in force
     */
    public CompletionStage<Void> refilter(Session session, EventFilter filter) {
        return loop.submit(() -> {
            CatchUp catchUp = catchingUp.get(session);
            if (catchUp != null) {
                catchUp.encoder = EventSelection.of(EventSelection.base(catchUp.encoder), filter);
                return null;
            }
            Encoder<LiveEvent> current = subscribers.encoderOf(session);
            if (current != null) {
                subscribers.add(subscribers.tenantOf(session), EventSelection.of(EventSelection.base(current), filter),
                        session);
            }
            return null;
        });
    }

    public void unsubscribe(Session session) {
        loop.execute(() -> {
            subscribers.remove(session);
            catchingUp.remove(session);
        });
    }

    private void finishReplay(Session session, String tenant, Encoder<LiveEvent> encoder, StreamPosition target,
            KafkaReplay.Result result, Throwable failure, Runnable onGap, CompletableFuture<ResumeOutcome> done) {
        if (failure != null) {
            LOG.warnf("replay of %s for a session failed: %s", topic.name(), failure.toString());
            closeSlow(session, "the missed events could not be read back; retry");
            done.completeExceptionally(failure);
            return;
        }
        ResumeOutcome outcome = count(result.gap() ? ResumeOutcome.GAP : ResumeOutcome.FROM_KAFKA);
        if (result.gap()) {
            onGap.run();
        }
        // Live events that arrived while Kafka was read back are in the buffer after target.
        catchUp(new CatchUp(session, tenant, encoder, new ArrayDeque<>(result.events()), target, onGap));
        done.complete(outcome);
    }

    private void catchUp(CatchUp catchUp) {
        catchingUp.put(catchUp.session, catchUp);
        advance(catchUp);
    }

    private void advanceCatchUps() {
        if (catchingUp.isEmpty()) {
            return;
        }
        for (CatchUp catchUp : List.copyOf(catchingUp.values())) {
            advance(catchUp);
        }
    }

    /**
     * Sends the session what it missed until its buffer is half full; joins it to the live subscribers
     * once nothing is left. Closes it (to resume again) if the memory buffer moved past its cursor.
     */
    private void advance(CatchUp catchUp) {
        Session session = catchUp.session;
        while (!catchUp.readBack.isEmpty()) {
            if (session.isBackedUp()) {
                return;
            }
            if (!deliver(session, catchUp.encoder, catchUp.readBack.poll())) {
                catchingUp.remove(session);
                return;
            }
        }
        if (!bufferReaches(catchUp.cursor)) {
            catchingUp.remove(session);
            closeSlow(session, "the gap grew faster than it could be replayed; resume again");
            return;
        }
        for (Iterator<LiveEvent> it = recent.iterator(); it.hasNext();) {
            LiveEvent event = it.next();
            if (catchUp.cursor.covers(event.partition(), event.offset())) {
                continue;
            }
            if (session.isBackedUp()) {
                return;
            }
            catchUp.cursor = catchUp.cursor.after(event.partition(), event.offset());
            if (catchUp.tenant.equals(event.envelope().tenant()) && !deliver(session, catchUp.encoder, event)) {
                catchingUp.remove(session);
                return;
            }
        }
        if (aheadOfFeed(catchUp.cursor)) {
            // The client has seen events this replica has not read yet (it has just started and is still
            // reading its look-back from Kafka, or the client comes from a replica further on): joined live
            // now, it would get them again. It stays here, where what its cursor covers is skipped, until
            // the feed has passed its cursor — for at most ahead-wait: an id still ahead then is not of this
            // log (Kafka was recreated, the stack restarted with fresh data) and would otherwise hold the client
            // back until the new log happens to reach the old offsets.
            long now = System.nanoTime();
            if (catchUp.aheadSince == 0) {
                catchUp.aheadSince = now;
            }
            if (now - catchUp.aheadSince < config.aheadWait().toNanos()) {
                return;
            }
            LOG.debugf("a resume id on %s stayed ahead of the log: announced as a gap", topic.name());
            count(ResumeOutcome.GAP);
            if (catchUp.onGap != null) {
                catchUp.onGap.run();
            }
        }
        catchingUp.remove(session);
        subscribers.add(catchUp.tenant, catchUp.encoder, session);
    }

    private boolean aheadOfFeed(StreamPosition cursor) {
        for (int partition = 0; partition < cursor.partitions(); partition++) {
            if (cursor.next(partition) > position.next(partition)) {
                return true;
            }
        }
        return false;
    }

    /** A resuming session: Kafka read-back still to send, then the memory buffer after {@code cursor}. */
    private static final class CatchUp {
        final Session session;
        final String tenant;
        Encoder<LiveEvent> encoder;
        final ArrayDeque<LiveEvent> readBack;
        StreamPosition cursor;
        final Runnable onGap;
        /** When its cursor was first found ahead of the feed ({@link System#nanoTime()}); 0 while it is not. */
        long aheadSince;

        CatchUp(Session session, String tenant, Encoder<LiveEvent> encoder, ArrayDeque<LiveEvent> readBack,
                StreamPosition cursor, Runnable onGap) {
            this.session = session;
            this.tenant = tenant;
            this.encoder = encoder;
            this.readBack = readBack;
            this.cursor = cursor;
            this.onGap = onGap;
        }
    }

    private boolean bufferReaches(StreamPosition from) {
        for (Map.Entry<Integer, Long> floor : bufferFloor.entrySet()) {
            int partition = floor.getKey();
            boolean missedSomething = from.next(partition) < position.next(partition);
            if (missedSomething && from.next(partition) < floor.getValue()) {
                return false;
            }
        }
        return true;
    }

    private boolean deliver(Session session, Encoder<LiveEvent> encoder, LiveEvent event) {
        for (String frame : encoder.encode(List.of(event))) {
            if (!session.send(frame)) {
                closeSlow(session, "client too slow for a feed that is never dropped; resume from the last id");
                return false;
            }
        }
        return true;
    }

    private void publish(LiveEvent event) {
        List<Session> refused = new ArrayList<>(0);
        subscribers.publish(event.envelope().tenant(), List.of(event), refused::add);
        refused.forEach(session -> closeSlow(session,
                "client too slow for a feed that is never dropped; resume from the last id"));
    }

    private void closeSlow(Session session, String reason) {
        subscribers.remove(session);
        slowConsumerCloses.increment();
        session.close(Refusal.SLOW_CONSUMER, reason);
    }

    private void remember(LiveEvent event) {
        recent.addLast(event);
        if (recent.size() > config.replayBufferEvents()) {
            LiveEvent evicted = recent.removeFirst();
            bufferFloor.put(evicted.partition(), evicted.offset() + 1);
        }
    }

    private ResumeOutcome count(ResumeOutcome outcome) {
        resumes.get(outcome).increment();
        return outcome;
    }
}

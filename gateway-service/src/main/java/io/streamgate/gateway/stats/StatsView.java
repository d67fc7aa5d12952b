package io.streamgate.gateway.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.TopicHandler;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;

/**
 * The latest statistics of every tenant, read from the compacted {@code stats.updates} (from the
 * beginning, so a new replica knows every figure before it turns ready), and the sessions watching
 * some of them. A stat type goes to a watcher at most once per {@link StatsConfig#minInterval()};
 * newer figures in between replace the pending ones. Figures are state, not events: a session whose
 * buffer is full skips an update and gets the next one.
 */
@Singleton
public class StatsView implements TopicHandler {

    private final EngineLoop loop;
    private final long minIntervalNanos;
    private final Map<String, Map<String, StatFigures>> latest = new HashMap<>();
    private final Map<Session, Watch> watches = new IdentityHashMap<>();
    private final Map<String, Long> lastShipped = new HashMap<>();
    /** Per tenant/type: the figures every current watcher of it holds, what the next update is told apart from. */
    private final Map<String, StatFigures> shippedFigures = new HashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private final Counter skipped;
    private final Counter malformed;

    StatsView(EngineLoop loop, StatsConfig config, MeterRegistry registry) {
        this.loop = loop;
        this.minIntervalNanos = config.minInterval().toNanos();
        this.skipped = Counter.builder("streamgate.gateway.stats.skipped")
                .description("Stat updates a backed-up session skipped (it gets the next one)").register(registry);
        this.malformed = Counter.builder("streamgate.gateway.records.malformed").tag("feed", topic().name())
                .register(registry);
        loop.every(config.minInterval().dividedBy(4), this::shipDue);
    }

    @Override
    public Topic topic() {
        return Topics.STATS_UPDATES;
    }

    @Override
    public StartPosition startPosition() {
        return StartPosition.earliest();
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
            } catch (MalformedEventException e) {
                malformed.increment();
                continue;
            }
            String tenant = envelope.tenant();
            if (record.value() == null) {
                String type = record.key() == null ? null : record.key().substring(record.key().indexOf('/') + 1);
                Map<String, StatFigures> figures = latest.get(tenant);
                if (figures != null && type != null) {
                    figures.remove(type);
                }
                continue;
            }
            Optional<StatFigures> figures = parse(record.value(), envelope.time());
            if (figures.isEmpty()) {
                malformed.increment();
                continue;
            }
            latest.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(figures.get().statType(), figures.get());
            pending.add(tenant + "/" + figures.get().statType());
        }
        shipDue();
    }

    /** Starts watching nothing; call {@link #watch} to choose stat types. */
    public void open(Session session, String tenant, StatsEncoder encoder) {
        loop.execute(() -> watches.put(session, new Watch(tenant, encoder, new LinkedHashSet<>())));
    }

    /**
     * Adds stat types to what the session watches: {@code reply} (if not null) is sent first, then the
     * current figures of each added type, in one engine task so nothing overtakes the reply.
     */
    public void watch(Session session, List<String> statTypes, String reply) {
        loop.execute(() -> {
            Watch watch = watches.get(session);
            if (watch == null) {
                return;
            }
            if (reply != null) {
                session.send(reply);
            }
            Map<String, StatFigures> figures = latest.getOrDefault(watch.tenant(), Map.of());
            for (String type : statTypes) {
                if (watch.types().add(type) && figures.containsKey(type)) {
                    for (String frame : watch.encoder().updates(figures.get(type), null)) {
                        send(session, Frame.of(frame));
                    }
                }
            }
        });
    }

    /**
     * For a caller on the engine thread whose snapshot already carried the current figures ({@link
     * #latestOnEngineThread}): the session watches {@code statTypes} from the next update on, nothing sent now.
     */
    public void watchOnEngineThread(Session session, String tenant, StatsEncoder encoder, List<String> statTypes) {
        watches.put(session, new Watch(tenant, encoder, new LinkedHashSet<>(statTypes)));
    }

    /** The tenant's latest figures of one stat type, for a caller on the engine thread. */
    public Optional<StatFigures> latestOnEngineThread(String tenant, String statType) {
        return Optional.ofNullable(latest.getOrDefault(tenant, Map.of()).get(statType));
    }

    public void unwatch(Session session, List<String> statTypes, String reply) {
        loop.execute(() -> {
            Watch watch = watches.get(session);
            if (watch != null) {
                statTypes.forEach(watch.types()::remove);
                session.send(reply);
            }
        });
    }

    public void close(Session session) {
        loop.execute(() -> watches.remove(session));
    }

    /** The tenant's latest figures of one stat type, if stats-service has published any. */
    public CompletableFuture<Optional<StatFigures>> current(String tenant, String statType) {
        return loop.submit(() -> Optional.ofNullable(latest.getOrDefault(tenant, Map.of()).get(statType)));
    }

    /** The stat types the tenant has figures for. */
    public CompletableFuture<List<String>> types(String tenant) {
        return loop.submit(() -> new ArrayList<>(latest.getOrDefault(tenant, Map.of()).keySet()));
    }

    private void shipDue() {
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (var it = pending.iterator(); it.hasNext();) {
            String key = it.next();
            Long last = lastShipped.get(key);
            if (last != null && now - last < minIntervalNanos) {
                continue;
            }
            it.remove();
            lastShipped.put(key, now);
            int slash = key.indexOf('/');
            String tenant = key.substring(0, slash);
            StatFigures figures = latest.getOrDefault(tenant, Map.of()).get(key.substring(slash + 1));
            if (figures != null) {
                ship(tenant, figures, shippedFigures.put(key, figures));
            }
        }
    }

    /**
     * A watcher that joined after {@code previous} was shipped got the complete figures then, so it holds
     * what the others hold and the same delta applies to it.
     */
    private void ship(String tenant, StatFigures figures, StatFigures previous) {
        Map<StatsEncoder, List<Frame>> frames = new IdentityHashMap<>();
        watches.forEach((session, watch) -> {
            if (watch.tenant().equals(tenant) && watch.types().contains(figures.statType())) {
                for (Frame frame : frames.computeIfAbsent(watch.encoder(), encoder -> encoder.updates(figures, previous)
                        .stream().map(Frame::shared).toList())) {
                    send(session, frame);
                }
            }
        });
    }

    private void send(Session session, Frame frame) {
        if (!session.send(frame)) {
            skipped.increment();
        }
    }

    private static Optional<StatFigures> parse(byte[] value, Instant recordTime) {
        try {
            JsonNode node = Json.mapper().readTree(value);
            String type = node.path("stat_type").asText("");
            JsonNode data = node.get("data");
            if (type.isEmpty() || data == null || !data.isObject()) {
                return Optional.empty();
            }
            Instant computedAt = node.hasNonNull("computed_at") ? Instant.parse(node.get("computed_at").asText())
                    : recordTime;
            return Optional.of(new StatFigures(type, Json.mapper().writeValueAsString(data), computedAt));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private record Watch(String tenant, StatsEncoder encoder, Set<String> types) {
    }
}

package io.streamgate.gateway.engine.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.Conflator;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Frame;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.Subscribers;

/**
 * The latest state per key, per tenant (aircraft by hex, devices, machines, entities, queues), and the
 * sessions that watch it. Changes are conflated per key and shipped once per batch window, encoded once
 * per (tenant, codec, filter). A session that cannot take a frame is parked — it gets nothing more —
 * and is resynchronised with a fresh snapshot once its socket drains, instead of a backlog of stale
 * states; a bounded number of resyncs per tick keeps a stall from turning into a resync storm.
 *
 * <p>Each batch window in use is a {@link Lane}: its own conflation and its own record of what was
 * shipped (deltas are computed against it), so a dialect with a 200 ms window and one with 1 s share
 * the table but never each other's deltas. Engine thread only, except {@link #query}, {@link #subscribe}
 * and {@link #unsubscribe}, which hop onto it.
 *
 * @param <V> the platform record held
 */
public final class KeyedStateView<V> {

    private final String name;
    private final Function<V, String> key;
    private final EngineLoop loop;
    private final EngineConfig config;
    private final Map<String, Map<String, V>> table = new HashMap<>();
    private final Map<Duration, Lane> lanes = new LinkedHashMap<>();
    private final Counter framesOut;
    private final Counter resyncs;

    /**
     * @param name the view's name in metrics ({@code feed} tag): {@code aircraft}, {@code devices}, …
     * @param key  the key of a value within its tenant
     */
    public KeyedStateView(String name, Function<V, String> key, EngineLoop loop, EngineConfig config,
            MeterRegistry registry) {
        this.name = name;
        this.key = key;
        this.loop = loop;
        this.config = config;
        this.framesOut = Counter.builder("streamgate.gateway.frames.out").tag("feed", name)
                .description("Frames handed to sessions").register(registry);
        this.resyncs = Counter.builder("streamgate.gateway.resyncs").tag("feed", name)
                .description("Snapshots sent to sessions that fell behind").register(registry);
        FunctionCounter.builder("streamgate.gateway.conflated", this, KeyedStateView::conflatedCount)
                .tag("feed", name).description("Updates replaced by a newer one before shipping").register(registry);
        Gauge.builder("streamgate.gateway.subscriptions", this, KeyedStateView::subscriptionCount).tag("feed", name)
                .register(registry);
        Gauge.builder("streamgate.gateway.state.keys", this, KeyedStateView::size).tag("feed", name)
                .description("Keys the view holds, all tenants").register(registry);
    }

    /** A new state for its key: shipped as NEW or UPDATE at the next tick of every lane. */
    public void put(String tenant, V value) {
        String k = key.apply(value);
        boolean isNew = values(tenant).put(k, value) == null;
        offer(tenant, k, new StateChange<>(isNew ? StateChange.Kind.NEW : StateChange.Kind.UPDATE, value));
    }

    /** A state restored at warm-up (a compacted topic): kept unless a newer one is held, never shipped. */
    public void restore(String tenant, V value) {
        values(tenant).putIfAbsent(key.apply(value), value);
    }

    /** The key went away: shipped as REMOVE with its last state, if the view held it. */
    public void remove(String tenant, String k) {
        Map<String, V> values = table.get(tenant);
        V last = values == null ? null : values.remove(k);
        if (last != null) {
            offer(tenant, k, new StateChange<>(StateChange.Kind.REMOVE, last));
        }
    }

    public V get(String tenant, String k) {
        Map<String, V> values = table.get(tenant);
        return values == null ? null : values.get(k);
    }

    /** The tenant's current values; a live view, engine thread only. */
    public Collection<V> all(String tenant) {
        Map<String, V> values = table.get(tenant);
        return values == null ? List.of() : values.values();
    }

    /**
     * Runs {@code query} over the tenant's values on the engine thread, for request/response messages;
     * the result must not hold on to the live collection.
     */
    public <T> CompletionStage<T> query(String tenant, Function<Collection<V>, T> query) {
        return loop.submit(() -> query.apply(all(tenant)));
    }

    /** Sends the tenant's snapshot (as {@code filter} selects it), then its changes from the next tick on. */
    public void subscribe(Session session, String tenant, StateCodec<V> codec, StateFilter<V> filter) {
        Selection<V> selection = new Selection<>(codec, filter);
        loop.execute(() -> lane(codec).subscribe(session, tenant, selection));
    }

    public void subscribe(Session session, String tenant, StateCodec<V> codec) {
        subscribe(session, tenant, codec, StateFilter.all());
    }

    public void unsubscribe(Session session) {
        loop.execute(() -> lanes.values().forEach(lane -> lane.unsubscribe(session)));
    }

    public int size() {
        return table.values().stream().mapToInt(Map::size).sum();
    }

    private Map<String, V> values(String tenant) {
        return table.computeIfAbsent(tenant, t -> new HashMap<>());
    }

    private void offer(String tenant, String k, StateChange<V> change) {
        for (Lane lane : lanes.values()) {
            lane.pending.offer(tenant, k, change);
        }
    }

    private Lane lane(StateCodec<V> codec) {
        Duration window = codec.batchWindow() == null ? config.tick() : codec.batchWindow();
        if (lanes.isEmpty()) {
            // Heartbeats (for the codecs that have one) from the first subscription on.
            loop.every(config.heartbeat(), this::heartbeat);
        }
        return lanes.computeIfAbsent(window, w -> {
            Lane lane = new Lane();
            // What the table holds now is what a first snapshot shows: deltas start from it.
            table.forEach((tenant, values) -> lane.shipped.put(tenant, new HashMap<>(values)));
            loop.every(w, lane::tick);
            return lane;
        });
    }

    private void heartbeat() {
        lanes.values().forEach(Lane::heartbeat);
    }

    private double conflatedCount() {
        return lanes.values().stream().mapToLong(lane -> lane.pending.conflatedCount()).sum();
    }

    private double subscriptionCount() {
        return lanes.values().stream().mapToInt(lane -> lane.subscribers.size() + lane.parked.size()).sum();
    }

    @Override
    public String toString() {
        return "KeyedStateView[" + name + "]";
    }

    /** The subscribers of one batch window and what was last shipped to them. */
    private final class Lane {

        private final Conflator<String, StateChange<V>> pending = new Conflator<>(StateChange::merge);
        private final Subscribers<StateChange<V>, Selection<V>> subscribers = new Subscribers<>();
        private final Map<Session, Parked<V>> parked = new HashMap<>();
        /** Per tenant, the state of each key as last shipped: what every subscriber's picture holds. */
        private final Map<String, Map<String, V>> shipped = new HashMap<>();

        void subscribe(Session session, String tenant, Selection<V> selection) {
            if (session.send(selection.snapshot(all(tenant)))) {
                subscribers.add(tenant, selection, session);
                framesOut.increment();
            } else {
                parked.put(session, new Parked<>(tenant, selection));
            }
        }

        void unsubscribe(Session session) {
            subscribers.remove(session);
            parked.remove(session);
        }

        void tick() {
            List<Session> refused = new ArrayList<>();
            pending.drain((tenant, changes) -> framesOut.increment(
                    subscribers.publish(tenant, ship(tenant, changes), refused::add)));
            refused.forEach(this::park);
            resyncDrained();
        }

        /** Pairs each change with the state last shipped, and records what ships now. */
        private List<StateChange<V>> ship(String tenant, List<StateChange<V>> changes) {
            Map<String, V> last = shipped.computeIfAbsent(tenant, t -> new HashMap<>());
            List<StateChange<V>> shipping = new ArrayList<>(changes.size());
            for (StateChange<V> change : changes) {
                String k = key.apply(change.value());
                shipping.add(change.since(last.get(k)));
                if (change.kind() == StateChange.Kind.REMOVE) {
                    last.remove(k);
                } else {
                    last.put(k, change.value());
                }
            }
            return shipping;
        }

        void heartbeat() {
            List<Session> refused = new ArrayList<>();
            framesOut.increment(subscribers.sendToAll((tenant, selection) -> selection.codec().heartbeat(
                    selection.filter() == StateFilter.ALL ? all(tenant).size()
                            : (int) all(tenant).stream().filter(selection.filter()).count()), refused::add));
            refused.forEach(this::park);
        }

        /** A session that refused a frame gets nothing more until it can take a whole snapshot. */
        private void park(Session session) {
            String tenant = subscribers.tenantOf(session);
            Selection<V> selection = subscribers.encoderOf(session);
            if (tenant != null) {
                subscribers.remove(session);
                parked.put(session, new Parked<>(tenant, selection));
            }
        }

        private void resyncDrained() {
            if (parked.isEmpty()) {
                return;
            }
            // At most the tick's resyncs are looked for: after a stall thousands stay parked, and reading
            // every one's buffer each tick was most of the engine thread's samples at 10,000 clients.
            List<Session> drained = parked.keySet().stream().filter(s -> !s.isBackedUp())
                    .limit(config.maxResyncsPerTick()).toList();
            // One snapshot per tenant and selection per tick, however many sessions resync: after a stall
            // thousands may drain in the same tick.
            Map<Parked<V>, Frame> snapshots = new HashMap<>();
            // A snapshot is many times a tick's changes: resyncing every parked session at once after a
            // stall would stall them all again. A bounded number per tick lets the gateway recover.
            int budget = config.maxResyncsPerTick();
            for (Session session : drained) {
                if (budget-- == 0) {
                    break;
                }
                Parked<V> waiting = parked.get(session);
                Frame snapshot = snapshots.computeIfAbsent(waiting,
                        p -> Frame.shared(p.selection().snapshot(all(p.tenant()))));
                if (!session.send(snapshot)) {
                    // Its own buffer had drained, so the gateway-wide cap refused it: so it would the rest.
                    break;
                }
                parked.remove(session);
                subscribers.add(waiting.tenant(), waiting.selection(), session);
                resyncs.increment();
                framesOut.increment();
            }
        }
    }

    private record Parked<V>(String tenant, Selection<V> selection) {
    }
}

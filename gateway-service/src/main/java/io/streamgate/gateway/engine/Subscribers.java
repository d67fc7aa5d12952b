package io.streamgate.gateway.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The sessions subscribed to one feed, indexed by tenant and then by encoder, so that publishing to a
 * tenant touches only that tenant's sessions and encodes once per encoder. Confined to the engine
 * thread: no locking.
 *
 * @param <E> the feed's event type
 * @param <C> the feed's encoder type
 */
public final class Subscribers<E, C extends Encoder<E>> {

    private final Map<String, Map<C, Set<Session>>> byTenant = new HashMap<>();
    private final Map<Session, Membership<C>> memberships = new HashMap<>();

    private record Membership<C>(String tenant, C encoder) {
    }

    public void add(String tenant, C encoder, Session session) {
        remove(session);
        byTenant.computeIfAbsent(tenant, t -> new HashMap<>())
                .computeIfAbsent(encoder, e -> new LinkedHashSet<>())
                .add(session);
        memberships.put(session, new Membership<>(tenant, encoder));
    }

    public boolean remove(Session session) {
        Membership<C> membership = memberships.remove(session);
        if (membership == null) {
            return false;
        }
        Map<C, Set<Session>> encoders = byTenant.get(membership.tenant());
        Set<Session> sessions = encoders.get(membership.encoder());
        sessions.remove(session);
        if (sessions.isEmpty()) {
            encoders.remove(membership.encoder());
            if (encoders.isEmpty()) {
                byTenant.remove(membership.tenant());
            }
        }
        return true;
    }

    /** The tenant {@code session} subscribed to, or null when it is not subscribed. */
    public String tenantOf(Session session) {
        Membership<C> membership = memberships.get(session);
        return membership == null ? null : membership.tenant();
    }

    public C encoderOf(Session session) {
        Membership<C> membership = memberships.get(session);
        return membership == null ? null : membership.encoder();
    }

    public boolean hasSubscribers(String tenant) {
        return byTenant.containsKey(tenant);
    }

    public int size() {
        return memberships.size();
    }

    /**
     * Encodes {@code events} once per encoder in use by the tenant's sessions and hands the frames to
     * each of those sessions.
     *
     * @param onRefused called for each session whose buffer refused a frame (it then skips the rest)
     * @return frames written, counted per session
     */
    public long publish(String tenant, List<E> events, Consumer<Session> onRefused) {
        Map<C, Set<Session>> encoders = byTenant.get(tenant);
        if (encoders == null || events.isEmpty()) {
            return 0;
        }
        long written = 0;
        for (Map.Entry<C, Set<Session>> group : encoders.entrySet()) {
            List<Frame> frames = group.getKey().encode(events).stream().map(Frame::shared).toList();
            for (Session session : group.getValue()) {
                written += writeAll(session, frames, onRefused);
            }
        }
        return written;
    }

    /**
     * Sends each tenant's sessions a frame rendered once per (tenant, encoder), such as a heartbeat; a
     * null rendering sends nothing to that group.
     *
     * @return frames written
     */
    public long sendToAll(BiFunction<String, C, String> render, Consumer<Session> onRefused) {
        long written = 0;
        for (Map.Entry<String, Map<C, Set<Session>>> tenant : byTenant.entrySet()) {
            for (Map.Entry<C, Set<Session>> group : tenant.getValue().entrySet()) {
                String frame = render.apply(tenant.getKey(), group.getKey());
                if (frame != null) {
                    written += writeAll(group.getValue(), List.of(Frame.shared(frame)), onRefused);
                }
            }
        }
        return written;
    }

    private static long writeAll(Set<Session> sessions, List<Frame> frames, Consumer<Session> onRefused) {
        long written = 0;
        for (Session session : sessions) {
            written += writeAll(session, frames, onRefused);
        }
        return written;
    }

    private static long writeAll(Session session, List<Frame> frames, Consumer<Session> onRefused) {
        long written = 0;
        for (Frame frame : frames) {
            if (!session.send(frame)) {
                onRefused.accept(session);
                return written;
            }
            written++;
        }
        return written;
    }
}

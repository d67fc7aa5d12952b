package io.streamgate.gateway.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Connections waiting to send their first-message token, counted per client address, so one client
 * cannot hold an unbounded number of unauthenticated sockets. Behind a proxy the address is the
 * proxy's unless {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 */
final class PendingAuthentications {

    private final ConcurrentMap<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final int limit;

    PendingAuthentications(int limit) {
        this.limit = limit;
    }

    /** @return false when {@code address} already has {@code limit} connections waiting */
    boolean tryAdd(String address) {
        boolean[] added = { false };
        byAddress.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            added[0] = true;
            return now + 1;
        });
        return added[0];
    }

    void remove(String address) {
        byAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }
}

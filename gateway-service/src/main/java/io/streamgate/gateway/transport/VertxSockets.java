package io.streamgate.gateway.transport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;

/**
 * The Vert.x socket under a websockets-next connection. websockets-next writes only {@code String}s,
 * each wrapped in a Mutiny {@code Uni} (whose subscription captures the thread's context) and UTF-8
 * encoded per socket, from whatever thread calls it; the fan-out writes the same bytes to thousands of
 * sockets per tick, so it writes to the Vert.x socket itself, on the socket's own event loop.
 *
 * <p>websockets-next (Quarkus 3.32) has no public accessor for the socket, only a package-private
 * {@code webSocket()} on its connection class; this calls that one method, registered for reflection
 * so that it works in a native image too. Every WebSocket test of the gateway fails if a Quarkus upgrade
 * moves it, and the gateway refuses to start rather than fall back to the slow path unnoticed.
 */
@RegisterForReflection(classNames = "io.quarkus.websockets.next.runtime.WebSocketConnectionBase", methods = true,
        fields = false)
final class VertxSockets {

    private static final String CONNECTION_BASE = "io.quarkus.websockets.next.runtime.WebSocketConnectionBase";
    private static final Method WEB_SOCKET = find();

    private VertxSockets() {
    }

    static WebSocketBase of(WebSocketConnection connection) {
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(connection);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot reach the Vert.x socket of " + connection.id(), e);
        }
    }

    private static Method find() {
        try {
            Class<?> base = Class.forName(CONNECTION_BASE, false, WebSocketConnection.class.getClassLoader());
            Method method = base.getDeclaredMethod("webSocket");
            if (!WebSocketBase.class.isAssignableFrom(method.getReturnType())) {
                throw new IllegalStateException(CONNECTION_BASE + ".webSocket() returns " + method.getReturnType());
            }
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("websockets-next changed: no " + CONNECTION_BASE
                    + ".webSocket(); the gateway's direct socket writes need updating", e);
        }
    }
}

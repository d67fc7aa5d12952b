package io.streamgate.gateway.dialect;

import java.util.List;
import java.util.Map;

import io.vertx.core.MultiMap;

/**
 * What a client said when it connected: path parameters, query and headers. Credentials are the
 * transport's: {@code ?token=} and {@code Authorization} are left out, so no dialect can log them.
 */
public record Handshake(String path, Map<String, String> pathParams, MultiMap query, MultiMap headers) {

    private static final String TOKEN_PARAMETER = "token";

    /** The handshake of a request, without its credentials. */
    public static Handshake of(io.vertx.core.http.HttpServerRequest request, Map<String, String> pathParams) {
        MultiMap query = MultiMap.caseInsensitiveMultiMap().addAll(request.params());
        query.remove(TOKEN_PARAMETER);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        headers.remove("Authorization");
        headers.remove("Sec-WebSocket-Protocol");
        return new Handshake(request.path(), Map.copyOf(pathParams), query, headers);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        return query.get(name);
    }

    /** Every value of a repeated query parameter, in order. */
    public List<String> queryAll(String name) {
        return query.getAll(name);
    }

    /**
     * Where a resuming client says it stopped: SSE's {@code Last-Event-ID} header, else the
     * {@code last_event_id} query parameter (WebSocket clients and EventSource polyfills); null when
     * neither is there.
     */
    public String lastEventId() {
        String header = headers.get("Last-Event-ID");
        return header != null ? header : query.get("last_event_id");
    }
}

package io.streamgate.gateway.dialect.skyspy;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.engine.Session;

/** Answers an endpoint's {@code request} actions: (who asks, request type, request id, params) → the reply frame. */
@FunctionalInterface
interface SkySpyRequests {

    /** For endpoints that answer no request type. */
    SkySpyRequests NONE = (session, type, requestId, params) -> Uni.createFrom()
            .item(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE, requestId));

    Uni<String> answer(Session session, String type, String requestId, JsonNode params);

    /** These requests as one session asks them. */
    default SkySpyClientMessages.Requests bound(Session session) {
        return (type, requestId, params) -> answer(session, type, requestId, params);
    }
}

package io.streamgate.gateway.dialect.skyspy;

import io.streamgate.gateway.transport.SseFrames;

/** A SkySpy message as a Server-Sent Event: {@code event:} is its {@code type}, {@code data:} the message. */
final class SkySpySse {

    private static final String TYPE_PREFIX = "{\"type\":\"";

    private SkySpySse() {
    }

    /** Every SkySpy message this gateway writes starts with its type, so no parse is needed. */
    static String frame(String message) {
        if (!message.startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("not a SkySpy message: " + message);
        }
        String type = message.substring(TYPE_PREFIX.length(), message.indexOf('"', TYPE_PREFIX.length()));
        return SseFrames.event(null, type, message);
    }
}

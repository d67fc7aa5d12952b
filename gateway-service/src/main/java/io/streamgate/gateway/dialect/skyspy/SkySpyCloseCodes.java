package io.streamgate.gateway.dialect.skyspy;

/** SkySpy's close codes; its clients reconnect on 4000 and stop on 4001. */
final class SkySpyCloseCodes {

    /** Heartbeat timeout: reconnect. */
    static final int HEARTBEAT_TIMEOUT = 4000;
    /** Unauthorized (also: the token expired, the caller may not use the feed): check the credential. */
    static final int UNAUTHORIZED = 4001;
    /** RFC 6455 "try again later": reconnect and resume from the last event id. */
    static final int SLOW_CONSUMER = 1013;
    /** RFC 6455 "message too big", after the "Message too large" error. */
    static final int MESSAGE_TOO_BIG = 1009;
    /** RFC 6455 "going away": the server is shutting down; reconnect to another. */
    static final int GOING_AWAY = 1001;

    private SkySpyCloseCodes() {
    }
}

package io.streamgate.gateway.dialect.skyspy;

/** SkySpy's close codes; its clients reconnect on 4000 and stop on 4001. */
final class SkySpyCloseCodes {

    /** Heartbeat timeout: reconnect. */
    static final int HEARTBEAT_TIMEOUT = 4000;
    /** Unauthorized: do not reconnect, check the credential. */
    static final int UNAUTHORIZED = 4001;

    private SkySpyCloseCodes() {
    }
}

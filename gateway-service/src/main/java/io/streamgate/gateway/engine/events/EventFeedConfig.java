package io.streamgate.gateway.engine.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the event feeds (ACARS, NOTAMs, safety, alerts, …): what is kept for resumes. */
@ConfigMapping(prefix = "streamgate.gateway.events")
public interface EventFeedConfig {

    /** Recent events kept per feed in memory: a resume within them needs no Kafka read. */
    @WithDefault("10000")
    int replayBufferEvents();

    /** The most events one resume reads back from Kafka; a longer gap is reported as not recovered. */
    @WithDefault("100000")
    int replayMaxEvents();

    /**
     * How often a resuming session that has drained its outbound buffer is given the next part of what
     * it missed. A resume is paced by the session's buffer, never sent in one burst, so a long gap
     * does not overflow the buffer and close the session that is trying to catch up.
     */
    @WithDefault("50ms")
    java.time.Duration catchUpInterval();

    /**
     * How long a resuming client whose id is ahead of this replica's feed waits for the feed to pass it (a replica
     * that has just started, a client coming from a replica further on) before the id is taken as not of this log
     * (Kafka recreated): the client is then told of a gap and joins the live stream.
     */
    @WithDefault("10s")
    java.time.Duration aheadWait();
}

package io.streamgate.stats.aircraft;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.RedisReads;

/** The kind of every distinct aircraft seen today (UTC). */
@ApplicationScoped
public class KindsToday {

    private final RedisReads redis;

    KindsToday(RedisReads redis) {
        this.redis = redis;
    }

    List<Kind> read(String tenant, Instant now) {
        return redis.hvals(AircraftKeys.kinds(tenant, Days.day(now))).stream().map(Kind::decode).toList();
    }
}

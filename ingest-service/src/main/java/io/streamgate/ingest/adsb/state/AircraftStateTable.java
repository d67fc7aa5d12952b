package io.streamgate.ingest.adsb.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * Which aircraft are in {@code aircraft.state} and since when they have been without a fix. Decides
 * only; writing is the tracker's job. Not thread-safe.
 *
 * <p>Expiry runs on ingest's own clock: the fix happened at receipt time minus {@code seen_pos}. Event
 * times come from receiver clocks (and, for SBS, a configured time zone) that may be off by hours.
 */
public final class AircraftStateTable {

    private record Key(String tenant, String hex) {
    }

    private static final class Entry {
        String source;
        Instant lastTimestamp;
        Instant lastFixAt;
    }

    private final Duration timeout;
    private final int capacity;
    /** Insertion order = order of the last state change, so the head is the least recently updated. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    public AircraftStateTable(Duration timeout, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the state needs room for at least one aircraft");
        }
        this.timeout = timeout;
        this.capacity = capacity;
    }

    /**
     * Takes in one written position.
     *
     * @param receivedAt when ingest received it, on ingest's clock
     * @return true when the position is the aircraft's new state and must be written; false when it is
     *         not newer than the state already written, or its fix is already older than the timeout (a
     *         receiver listing a long-lost aircraft must not bring it back only to remove it again)
     */
    public boolean offer(String tenant, String source, AircraftPosition position, Instant receivedAt) {
        Instant fixAt = position.seenPos() == null ? receivedAt
                : receivedAt.minusMillis(Math.round(position.seenPos() * 1000));
        if (Duration.between(fixAt, receivedAt).compareTo(timeout) > 0) {
            return false;
        }
        Key key = new Key(tenant, position.hex());
        Entry entry = entries.get(key);
        if (entry != null && !position.timestamp().isAfter(entry.lastTimestamp)) {
            return false;
        }
        if (entry == null) {
            entry = new Entry();
            entry.lastFixAt = fixAt;
        } else {
            entries.remove(key);
            if (fixAt.isAfter(entry.lastFixAt)) {
                entry.lastFixAt = fixAt;
            }
        }
        entry.source = source;
        entry.lastTimestamp = position.timestamp();
        entries.put(key, entry);
        return true;
    }

    /**
     * Takes back an aircraft that was in the topic when ingest started, unless a feed already wrote a
     * newer state for it. Its silence is counted from when its state was written, minus {@code seen_pos}.
     */
    public void restore(String tenant, String source, AircraftPosition position, Instant writtenAt) {
        Key key = new Key(tenant, position.hex());
        if (entries.containsKey(key)) {
            return;
        }
        Entry entry = new Entry();
        entry.source = source;
        entry.lastTimestamp = position.timestamp();
        entry.lastFixAt = position.seenPos() == null ? writtenAt
                : writtenAt.minusMillis(Math.round(position.seenPos() * 1000));
        entries.put(key, entry);
    }

    /** Removes the least recently updated aircraft beyond the capacity; they need tombstones too. */
    public List<Departure> trim() {
        List<Departure> evicted = new ArrayList<>(0);
        Iterator<Map.Entry<Key, Entry>> oldestFirst = entries.entrySet().iterator();
        while (entries.size() > capacity && oldestFirst.hasNext()) {
            evicted.add(departure(oldestFirst.next()));
            oldestFirst.remove();
        }
        return evicted;
    }

    /** Removes and returns every aircraft whose last fix is more than the timeout before {@code now}. */
    public List<Departure> expire(Instant now) {
        List<Departure> gone = new ArrayList<>();
        // A full scan: the map is ordered by update, not by fix time (seen_pos varies per position), and a
        // scan of even 100,000 entries once a second is cheap next to writing them.
        Iterator<Map.Entry<Key, Entry>> all = entries.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<Key, Entry> entry = all.next();
            if (Duration.between(entry.getValue().lastFixAt, now).compareTo(timeout) > 0) {
                gone.add(departure(entry));
                all.remove();
            }
        }
        return gone;
    }

    /** True when the aircraft has a state right now (a retried tombstone must not delete a new one). */
    public boolean contains(String tenant, String hex) {
        return entries.containsKey(new Key(tenant, hex));
    }

    public int size() {
        return entries.size();
    }

    private static Departure departure(Map.Entry<Key, Entry> entry) {
        return new Departure(entry.getKey().tenant(), entry.getKey().hex(), entry.getValue().source);
    }
}

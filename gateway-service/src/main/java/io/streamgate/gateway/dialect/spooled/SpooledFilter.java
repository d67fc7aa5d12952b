package io.streamgate.gateway.dialect.spooled;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.streamgate.gateway.engine.events.EventFilter;
import io.streamgate.gateway.engine.events.LiveEvent;

/**
 * What one Spooled client asked for: a queue, a job, and event names, each optional (absent: everything of
 * the tenant). A value object, so clients with the same filter share one engine group.
 *
 * <p>As Spooled's server does, a queue filter drops events that belong to no queue, and a job filter drops
 * events of no job; unlike it, a worker event passes a queue filter when the worker takes jobs from that
 * queue (a queue's dashboard shows its workers). {@code *} in a queue or an event name matches any run of
 * characters ({@code emails.*}, {@code job.*}); an event list of {@code *} alone is every event.
 *
 * @param queue  the queue (pattern), or null
 * @param jobId  the job, or null
 * @param events the dotted event names (patterns), lower case, or null for every event
 */
record SpooledFilter(String queue, String jobId, Set<String> events) implements EventFilter {

    static final SpooledFilter EVERYTHING = new SpooledFilter(null, null, null);
    static final int MAX_QUEUE_LENGTH = 100;
    private static final Pattern QUEUE_CHARACTERS = Pattern.compile("[A-Za-z0-9._*-]+");

    /** Spooled's own check of a queue filter; null when {@code queue} is acceptable. */
    static Optional<String> invalidQueue(String queue) {
        if (queue == null) {
            return Optional.empty();
        }
        if (queue.length() > MAX_QUEUE_LENGTH) {
            return Optional.of("Queue filter too long (at most " + MAX_QUEUE_LENGTH + " characters)");
        }
        if (!QUEUE_CHARACTERS.matcher(queue).matches()) {
            return Optional.of("Queue filter contains invalid characters (letters, digits, '-', '_', '.', '*')");
        }
        return Optional.empty();
    }

    /** The {@code events} query parameter: comma-separated, trimmed, lower-cased; blank means every event. */
    static Set<String> eventNames(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        Set<String> names = Arrays.stream(list.split(",")).map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return names.isEmpty() || names.contains("*") ? null : names;
    }

    SpooledFilter withQueue(String newQueue) {
        return new SpooledFilter(newQueue, jobId, events);
    }

    SpooledFilter withJob(String newJobId) {
        return new SpooledFilter(queue, newJobId, events);
    }

    @Override
    public boolean test(LiveEvent event) {
        SpooledRecord record = SpooledRecord.of(event);
        if (!record.readable() || !wantsName(record.name())) {
            return false;
        }
        if (queue != null) {
            boolean inQueue = record.worker() != null ? record.serves(this::queueMatches)
                    : record.queue() != null && queueMatches(record.queue());
            if (!inQueue) {
                return false;
            }
        }
        return jobId == null || jobId.equals(record.jobId());
    }

    /** Whether a message of this dotted name passes the event-name part of the filter. */
    boolean wantsName(String name) {
        if (events == null) {
            return true;
        }
        for (String pattern : events) {
            if (glob(pattern, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the queue part of the filter takes {@code candidate} (no queue filter: every queue). */
    boolean queueMatches(String candidate) {
        return queue == null || glob(queue, candidate);
    }

    /** Messages that belong to no queue and no job (system health) pass only a filter without either. */
    boolean wantsUnscoped(String name) {
        return queue == null && jobId == null && wantsName(name);
    }

    /** {@code *} matches any run of characters, everything else itself; at worst pattern × text steps, never exponential. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}

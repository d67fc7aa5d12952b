package io.streamgate.safety.aviation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * SkySpy's event ids are numbers, so a safety event's id is one too, computed rather than allocated:
 * no counter to share between replicas or to lose on restart, and reading the same positions again
 * (after a crash, before the offsets were committed) gives the same ids, so consumers recognise the
 * records as the same episodes.
 *
 * <pre>
 *   id = (seconds from 2020-01-01T00:00Z to first_seen) × 2²²
 *      + (22 bits of SHA-256(tenant, type, subject, first_seen ms))
 * </pre>
 *
 * <ul>
 *   <li>below 2<sup>53</sup> until 2088, so JavaScript clients read it exactly;</li>
 *   <li>grows with {@code first_seen}, so sorting by id sorts by when episodes began, as SkySpy's
 *       auto-increment ids do;</li>
 *   <li>two episodes share an id only if they began in the same second and their 22-bit hashes collide:
 *       with k episodes beginning in one second, a chance of about k²/2²³.</li>
 * </ul>
 */
public final class SafetyEventIds {

    /** 2020-01-01T00:00:00Z. */
    public static final long EPOCH_SECOND = 1_577_836_800L;
    private static final int HASH_BITS = 22;

    private SafetyEventIds() {
    }

    /**
     * @param subject the aircraft's hex, or both hexes of a pair in sorted order joined by {@code |}
     */
    public static long of(String tenant, String eventType, String subject, Instant firstSeen) {
        long seconds = Math.max(0, firstSeen.getEpochSecond() - EPOCH_SECOND);
        byte[] digest = sha256(tenant + '\n' + eventType + '\n' + subject + '\n' + firstSeen.toEpochMilli());
        long hash = ((digest[0] & 0xffL) << 16 | (digest[1] & 0xffL) << 8 | (digest[2] & 0xffL))
                & ((1L << HASH_BITS) - 1);
        return seconds << HASH_BITS | hash;
    }

    /** When the episode with this id began, to the second. */
    public static Instant firstSeenSecond(long id) {
        return Instant.ofEpochSecond(EPOCH_SECOND + (id >>> HASH_BITS));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

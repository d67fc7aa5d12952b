package io.streamgate.e2e.bench;

/**
 * Reads just enough of a SkySpy aircraft frame to count its messages and find the event time of each
 * position, straight from the bytes. Ten thousand clients share two cores with the gateway, so a
 * JSON parser per frame would measure the load tool instead of the gateway.
 *
 * <p>Relies on the gateway's spelling: every message starts with {@code {"type":"} (an aircraft's own
 * {@code "type"} field never follows a brace, {@code hex} comes first), and an aircraft's
 * {@code timestamp} is the last field of its object, before the next message starts.
 */
final class SkySpyFrameScan {

    private static final byte[] MESSAGE = ascii("{\"type\":\"");
    private static final byte[] TIMESTAMP = ascii("\"timestamp\":\"");
    private static final byte[] BATCH = ascii("batch\"");
    private static final byte[] NEW = ascii("aircraft:new\"");
    private static final byte[] UPDATE = ascii("aircraft:update\"");
    private static final byte[] SNAPSHOT = ascii("aircraft:snapshot\"");
    /** {@code 2026-11-23T12:00:00.123Z} */
    private static final int TIMESTAMP_LENGTH = 24;

    /** What one frame held. */
    interface Sink {
        /** One position message and its event time (epoch ms), or {@code Long.MIN_VALUE} when unreadable. */
        void position(long eventTimeMillis);
    }

    /** Counts of one frame. */
    record Result(int messages, boolean snapshot) {
    }

    private SkySpyFrameScan() {
    }

    /**
     * @param frame bytes {@code [0, length)} of one text frame
     * @return the messages in it (a batch counts its inner messages, not itself)
     */
    static Result scan(byte[] frame, int length, Sink sink) {
        int messages = 0;
        boolean snapshot = false;
        int at = indexOf(frame, length, MESSAGE, 0);
        while (at >= 0) {
            int type = at + MESSAGE.length;
            int next = indexOf(frame, length, MESSAGE, type);
            if (startsWith(frame, length, type, BATCH)) {
                at = next;
                continue;
            }
            messages++;
            if (startsWith(frame, length, type, SNAPSHOT)) {
                // The rest is aircraft objects: nothing more to count, and no event to time.
                snapshot = true;
                break;
            }
            if (startsWith(frame, length, type, UPDATE) || startsWith(frame, length, type, NEW)) {
                int end = next < 0 ? length : next;
                int ts = indexOf(frame, end, TIMESTAMP, type);
                sink.position(ts < 0 ? Long.MIN_VALUE : epochMillis(frame, ts + TIMESTAMP.length, end));
            }
            at = next;
        }
        return new Result(messages, snapshot);
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss.SSSZ} at {@code from}, or {@code Long.MIN_VALUE}. */
    static long epochMillis(byte[] b, int from, int limit) {
        if (from + TIMESTAMP_LENGTH > limit || b[from + 4] != '-' || b[from + 10] != 'T' || b[from + 19] != '.'
                || b[from + 23] != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        int millis = digits(b, from + 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return Long.MIN_VALUE;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean startsWith(byte[] b, int length, int from, byte[] prefix) {
        if (from + prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, int length, byte[] needle, int from) {
        byte first = needle[0];
        int last = length - needle.length;
        for (int i = from; i <= last; i++) {
            if (b[i] == first && startsWith(b, length, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}

package io.streamgate.devstack.testing;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads just enough of a SkySpy aircraft frame to count its messages and find the event time of each
 * position ({@code aircraft:new} and {@code aircraft:update}, whose {@code data.timestamp} is the
 * aircraft's own), with Jackson's streaming parser and no tree: a load tool with thousands of clients
 * shares its cores with the gateway, so it reads only the fields it needs and stops at a snapshot's
 * type. A {@code batch} counts its inner messages, not itself; an {@code aircraft:delta} is a message
 * but not a timed position (it carries only what changed).
 *
 * <p>The gateway's tests check it against a full parse of frames from the real codec.
 */
public final class SkySpyFrameScan {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** {@code 2026-11-23T12:00:00.123Z} */
    private static final int TIMESTAMP_LENGTH = 24;

    /** What one frame held. */
    public interface Sink {
        /** One position message and its event time (epoch ms), or {@code Long.MIN_VALUE} when it has none. */
        void position(long eventTimeMillis);
    }

    /** Counts of one frame. */
    public record Result(int messages, boolean snapshot) {
    }

    private SkySpyFrameScan() {
    }

    /**
     * @param frame bytes {@code [offset, offset + length)} of one whole text message
     * @return the messages in it (a batch counts its inner messages, not itself)
     * @throws IllegalArgumentException when the bytes are not a SkySpy message
     */
    public static Result scan(byte[] frame, int offset, int length, Sink sink) {
        try (JsonParser json = FACTORY.createParser(frame, offset, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a SkySpy frame is a JSON object");
            }
            return message(json, sink, true);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Reads the message object the parser is at (its START_OBJECT consumed). */
    private static Result message(JsonParser json, Sink sink, boolean topLevel) throws IOException {
        String type = null;
        int inner = 0;
        long eventTime = Long.MIN_VALUE;
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "type" -> {
                    type = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    if (topLevel && "aircraft:snapshot".equals(type)) {
                        // The rest is aircraft objects: nothing more to count, and no event to time.
                        return new Result(1, true);
                    }
                }
                case "messages" -> {
                    if (topLevel && value == JsonToken.START_ARRAY) {
                        JsonToken element;
                        while ((element = json.nextToken()) == JsonToken.START_OBJECT) {
                            inner += message(json, sink, false).messages();
                        }
                        if (element != JsonToken.END_ARRAY) {
                            throw new IllegalArgumentException("a batch's messages are objects");
                        }
                    } else {
                        json.skipChildren();
                    }
                }
                case "data" -> {
                    if (value == JsonToken.START_OBJECT) {
                        eventTime = timestampOf(json);
                    } else {
                        json.skipChildren();
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || type == null) {
            throw new IllegalArgumentException("a SkySpy message is an object with a type");
        }
        if ("batch".equals(type) && topLevel) {
            return new Result(inner, false);
        }
        if ("aircraft:new".equals(type) || "aircraft:update".equals(type)) {
            sink.position(eventTime);
        }
        return new Result(1, "aircraft:snapshot".equals(type));
    }

    /** Reads the data object the parser is at to its end; returns its own {@code timestamp}, or MIN_VALUE. */
    private static long timestampOf(JsonParser json) throws IOException {
        long eventTime = Long.MIN_VALUE;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            boolean timestamp = "timestamp".equals(json.currentName());
            JsonToken value = json.nextToken();
            if (timestamp && value == JsonToken.VALUE_STRING) {
                eventTime = epochMillis(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
            } else {
                json.skipChildren();
            }
        }
        return eventTime;
    }

    /** Parses exactly {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in {@code [from, from + length)}, or {@code Long.MIN_VALUE}. */
    public static long epochMillis(char[] b, int from, int length) {
        if (length != TIMESTAMP_LENGTH || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
                || b[from + 13] != ':' || b[from + 16] != ':' || b[from + 19] != '.' || b[from + 23] != 'Z') {
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

    private static int digits(char[] b, int from, int count) {
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
}

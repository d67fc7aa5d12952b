package io.streamgate.gateway.dialect.skyspy;

import java.util.ArrayList;
import java.util.List;

/**
 * SkySpy's {@code {"type":"batch","messages":[…],"count":N,"timestamp":…}} frames. Messages are
 * already-encoded JSON and are spliced in as they are, never parsed again.
 */
final class SkySpyBatch {

    private static final int ENVELOPE_BYTES = 96;

    private SkySpyBatch() {
    }

    /**
     * Packs messages into as few batch frames as the limits allow, in order. A lone message is sent as
     * itself; a message larger than {@code maxBytes} travels alone.
     */
    static List<String> of(List<String> messages, int maxMessages, int maxBytes, String timestamp) {
        List<String> frames = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentBytes = ENVELOPE_BYTES;
        for (String message : messages) {
            boolean full = current.size() == maxMessages || currentBytes + message.length() + 1 > maxBytes;
            if (!current.isEmpty() && full) {
                frames.add(frame(current, timestamp));
                current = new ArrayList<>();
                currentBytes = ENVELOPE_BYTES;
            }
            current.add(message);
            currentBytes += message.length() + 1;
        }
        if (!current.isEmpty()) {
            frames.add(frame(current, timestamp));
        }
        return frames;
    }

    private static String frame(List<String> messages, String timestamp) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        StringBuilder frame = new StringBuilder(ENVELOPE_BYTES + messages.stream().mapToInt(String::length).sum()
                + messages.size());
        frame.append("{\"type\":\"batch\",\"messages\":[");
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                frame.append(',');
            }
            frame.append(messages.get(i));
        }
        frame.append("],\"count\":").append(messages.size()).append(",\"timestamp\":\"").append(timestamp)
                .append("\"}");
        return frame.toString();
    }
}

package io.streamgate.ingest.adsb.sbs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}- or {@code \r\n}-terminated ASCII lines of bounded length. A feeder that sends
 * garbage without newlines costs at most {@code maxLength} bytes; over-long lines are skipped whole.
 */
final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final byte[] line;
    private int position;
    private int limit;
    private long skipped;

    LineReader(InputStream in, int maxLength) {
        this.in = in;
        this.line = new byte[maxLength];
    }

    /**
     * @return the next complete line without its terminator, or null at the end of the stream; a last
     *         line without terminator is dropped, since a dropped connection cuts lines anywhere
     */
    String readLine() throws IOException {
        int length = 0;
        boolean overlong = false;
        while (true) {
            if (position == limit) {
                int read = in.read(buffer);
                if (read < 0) {
                    return null;
                }
                position = 0;
                limit = read;
            }
            byte next = buffer[position++];
            if (next == '\n') {
                if (overlong) {
                    skipped++;
                    overlong = false;
                    length = 0;
                    continue;
                }
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == line.length) {
                overlong = true;
            } else if (!overlong) {
                line[length++] = next;
            }
        }
    }

    /** True when a line can probably be read without waiting for the network. */
    boolean hasBufferedInput() throws IOException {
        return position < limit || in.available() > 0;
    }

    /** Lines skipped for being longer than the limit. */
    long skipped() {
        return skipped;
    }
}

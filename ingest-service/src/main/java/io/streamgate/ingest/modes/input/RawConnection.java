package io.streamgate.ingest.modes.input;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.modes.framing.Framer;
import io.vertx.core.buffer.Buffer;

/**
 * One open stream from one receiver: frames its bytes and hands the frames to the tenant's decoder. Whatever
 * the bytes, nothing escapes to the socket's handler: garbage is counted (bytes skipped, frames broken) and
 * a failure past the framer is counted and logged, and the stream goes on.
 */
final class RawConnection {

    private static final Logger LOG = Logger.getLogger(RawConnection.class);

    private final ReceiverSettings receiver;
    private final TenantDecoder decoder;
    private final Framer framer;
    private final ReceiverMetrics metrics;
    private long framesCounted;
    private long malformedCounted;
    private long skippedCounted;

    RawConnection(ReceiverSettings receiver, TenantDecoder decoder, ReceiverMetrics metrics) {
        this.receiver = receiver;
        this.decoder = decoder;
        this.metrics = metrics;
        this.framer = receiver.format().framer((payload, offset, length, timestamp, signal) -> decoder.accept(
                receiver, payload, offset, length, timestamp, signal, System.currentTimeMillis()));
    }

    void handle(Buffer chunk) {
        byte[] bytes = chunk.getBytes();
        try {
            framer.feed(bytes, 0, bytes.length);
        } catch (RuntimeException e) {
            // A decoder bug must not cost the receiver its stream: drop what was being framed, go on.
            metrics.failures.increment();
            framer.reset();
            LOG.warnf(e, "raw receiver %s: a chunk could not be processed", receiver.name());
        }
        count();
    }

    void ended() {
        framer.reset();
        count();
    }

    private void count() {
        metrics.framed.increment(framer.frames() - framesCounted);
        metrics.malformed.increment(framer.malformed() - malformedCounted);
        metrics.skippedBytes.increment(framer.skippedBytes() - skippedCounted);
        framesCounted = framer.frames();
        malformedCounted = framer.malformed();
        skippedCounted = framer.skippedBytes();
    }

    /** The counters of one receiver, shared by its connections. */
    static final class ReceiverMetrics {
        final Counter framed;
        final Counter malformed;
        final Counter skippedBytes;
        final Counter failures;
        final Counter connected;
        final Counter lost;
        final Counter connectFailed;

        ReceiverMetrics(ReceiverSettings receiver, MeterRegistry registry) {
            String name = receiver.name();
            String format = receiver.format().name().toLowerCase();
            framed = Counter.builder("streamgate.ingest.raw.stream.frames").description("Frames cut from raw streams")
                    .tag("receiver", name).tag("format", format).tag("result", "framed").register(registry);
            malformed = Counter.builder("streamgate.ingest.raw.stream.frames")
                    .description("Frames cut from raw streams").tag("receiver", name).tag("format", format)
                    .tag("result", "malformed").register(registry);
            skippedBytes = Counter.builder("streamgate.ingest.raw.stream.skipped.bytes")
                    .description("Bytes of raw streams skipped as not framing").tag("receiver", name)
                    .tag("format", format).register(registry);
            failures = Counter.builder("streamgate.ingest.raw.stream.failures")
                    .description("Chunks whose processing failed unexpectedly (and were skipped)")
                    .tag("receiver", name).register(registry);
            connected = connections(registry, name, "connected");
            lost = connections(registry, name, "lost");
            connectFailed = connections(registry, name, "failed");
        }

        private static Counter connections(MeterRegistry registry, String receiver, String outcome) {
            return Counter.builder("streamgate.ingest.raw.connections")
                    .description("Raw receiver connections opened and ended, by outcome").tag("receiver", receiver)
                    .tag("outcome", outcome).register(registry);
        }
    }
}

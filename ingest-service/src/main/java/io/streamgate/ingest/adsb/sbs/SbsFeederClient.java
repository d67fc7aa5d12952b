package io.streamgate.ingest.adsb.sbs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.adsb.AircraftPositionWriter;
import io.streamgate.ingest.kafka.BrokerUnavailableException;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * One feeder connection, kept open for the life of the service: connect, read lines, assemble
 * positions, write them in batches; on any failure wait (exponential backoff) and connect again.
 * Runs on its own thread, since the socket reads block.
 */
final class SbsFeederClient implements Runnable {

    private static final Logger LOG = Logger.getLogger(SbsFeederClient.class);

    private final FeederAddress feeder;
    private final SbsConfig config;
    private final AircraftPositionWriter writer;
    private final SbsAssembler assembler;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Counter connected;
    private final Counter connectFailed;
    private final Counter lost;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter ignored;
    private final Counter dropped;
    private volatile Socket socket;
    private long failuresInARow;
    private long skippedLinesCounted;

    SbsFeederClient(FeederAddress feeder, SbsConfig config, SbsAssembler assembler, AircraftPositionWriter writer,
            MeterRegistry registry) {
        this.feeder = feeder;
        this.config = config;
        this.assembler = assembler;
        this.writer = writer;
        String tag = feeder.toString();
        this.connected = connections(registry, tag, "connected");
        this.connectFailed = connections(registry, tag, "failed");
        this.lost = connections(registry, tag, "lost");
        this.accepted = lines(registry, tag, "accepted");
        this.rejected = lines(registry, tag, "rejected");
        this.ignored = lines(registry, tag, "ignored");
        this.dropped = Counter.builder("streamgate.ingest.adsb.sbs.positions.dropped")
                .description("SBS positions not written because Kafka did not acknowledge them")
                .tag("feeder", tag).register(registry);
        Gauge.builder("streamgate.ingest.adsb.sbs.aircraft", assembler, SbsAssembler::size)
                .description("Aircraft the feeder's assembler remembers").tag("feeder", tag).register(registry);
        FunctionCounter.builder("streamgate.ingest.adsb.sbs.aircraft.evicted", assembler, SbsAssembler::evicted)
                .description("Aircraft forgotten early because max-aircraft was reached").tag("feeder", tag)
                .register(registry);
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(config.reconnectInitialDelay(), config.reconnectMaxDelay());
        try {
            while (stopped.getCount() > 0) {
                if (session()) {
                    backoff.reset();
                }
                Duration delay = backoff.next();
                LOG.debugf("SBS feeder %s: next connection attempt in %s", feeder, delay);
                if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        stopped.countDown();
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing only unblocks the reader; nothing else to do
            }
        }
    }

    /** One connection, from connect to its end; true when the feeder sent at least one line. */
    private boolean session() {
        boolean open = false;
        boolean heard = false;
        List<AircraftPosition> batch = new ArrayList<>();
        try (Socket connection = new Socket()) {
            socket = connection;
            if (stopped.getCount() == 0) {
                return false;
            }
            connection.connect(new InetSocketAddress(feeder.host(), feeder.port()),
                    (int) config.connectTimeout().toMillis());
            connection.setSoTimeout((int) config.idleTimeout().toMillis());
            connection.setKeepAlive(true);
            open = true;
            connected.increment();
            failuresInARow = 0;
            LOG.infof("SBS feeder %s connected", feeder);
            LineReader reader = new LineReader(connection.getInputStream(), config.maxLineLength());
            skippedLinesCounted = 0;
            for (String line; (line = reader.readLine()) != null;) {
                heard = true;
                handle(line, batch);
                countSkipped(reader);
                if (batch.size() >= config.batchSize() || !reader.hasBufferedInput()) {
                    flush(batch);
                }
            }
            flush(batch);
            ended("closed the connection");
        } catch (SocketTimeoutException e) {
            flush(batch);
            ended("sent nothing for " + config.idleTimeout());
        } catch (IOException e) {
            flush(batch);
            if (open) {
                ended("connection lost (" + e + ")");
            } else if (stopped.getCount() > 0) {
                connectFailed.increment();
                if (failuresInARow++ == 0) {
                    LOG.warnf("SBS feeder %s: cannot connect (%s); retrying with backoff up to %s", feeder, e,
                            config.reconnectMaxDelay());
                } else {
                    LOG.debugf("SBS feeder %s: still cannot connect (%s)", feeder, e);
                }
            }
        } catch (RuntimeException e) {
            // Whatever went wrong, the feed must come back: this thread is its only reader.
            LOG.errorf(e, "SBS feeder %s: unexpected failure; reconnecting", feeder);
        } finally {
            socket = null;
        }
        return heard;
    }

    private void ended(String why) {
        if (stopped.getCount() > 0) {
            lost.increment();
            LOG.warnf("SBS feeder %s %s; reconnecting", feeder, why);
        }
    }

    private void handle(String line, List<AircraftPosition> batch) {
        try {
            Optional<SbsMessage> message = SbsParser.parse(line);
            if (message.isEmpty()) {
                ignored.increment();
                return;
            }
            accepted.increment();
            assembler.accept(message.get(), clock.instant()).ifPresent(batch::add);
        } catch (MalformedSbsLineException e) {
            rejected.increment();
            LOG.debugf("SBS feeder %s: line rejected: %s", feeder, e.getMessage());
        } catch (RuntimeException e) {
            rejected.increment();
            LOG.debugf("SBS feeder %s: line rejected: %s", feeder, e.toString());
        }
    }

    private void countSkipped(LineReader reader) {
        long skipped = reader.skipped();
        if (skipped > skippedLinesCounted) {
            rejected.increment(skipped - skippedLinesCounted);
            skippedLinesCounted = skipped;
        }
    }

    private void flush(List<AircraftPosition> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.write(List.copyOf(batch), config.tenant(), SbsFeeds.SOURCE);
        } catch (BrokerUnavailableException e) {
            // Live positions are worth little once late: drop them and keep reading.
            dropped.increment(batch.size());
            LOG.warnf("SBS feeder %s: %d position(s) dropped: %s", feeder, batch.size(), e.getMessage());
        } finally {
            batch.clear();
        }
    }

    private static Counter connections(MeterRegistry registry, String feeder, String outcome) {
        return Counter.builder("streamgate.ingest.adsb.sbs.connections")
                .description("SBS connection attempts and ends, by outcome").tag("feeder", feeder)
                .tag("outcome", outcome).register(registry);
    }

    private static Counter lines(MeterRegistry registry, String feeder, String result) {
        return Counter.builder("streamgate.ingest.adsb.sbs.lines").description("SBS lines read, by result")
                .tag("feeder", feeder).tag("result", result).register(registry);
    }
}

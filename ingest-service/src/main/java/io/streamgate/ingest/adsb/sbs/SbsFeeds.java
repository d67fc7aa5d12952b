package io.streamgate.ingest.adsb.sbs;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.ingest.adsb.AircraftPositionWriter;

/** Starts one client per configured SBS feeder at startup and stops them before the Kafka producer closes. */
@ApplicationScoped
public class SbsFeeds {

    /** The CloudEvents source of SBS positions. */
    public static final String SOURCE = "/ingest/adsb/sbs";

    private static final Logger LOG = Logger.getLogger(SbsFeeds.class);

    private final SbsConfig config;
    private final AircraftPositionWriter writer;
    private final MeterRegistry registry;
    private final Map<SbsFeederClient, Thread> running = new ConcurrentHashMap<>();

    SbsFeeds(SbsConfig config, AircraftPositionWriter writer, MeterRegistry registry) {
        this.config = config;
        this.writer = writer;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        List<FeederAddress> feeders = new ArrayList<>();
        for (String feeder : config.feeders().orElse(List.of())) {
            if (!feeder.isBlank()) {
                feeders.add(FeederAddress.parse(feeder));
            }
        }
        if (feeders.isEmpty()) {
            LOG.debug("no SBS feeder configured (streamgate.ingest.adsb.sbs.feeders): SBS is off");
            return;
        }
        ZoneId zone = zone();
        validate();
        for (FeederAddress feeder : feeders) {
            SbsAssembler assembler = new SbsAssembler(zone, config.aircraftTimeout(), config.maxAircraft());
            SbsFeederClient client = new SbsFeederClient(feeder, config, assembler, writer, registry);
            Thread thread = new Thread(client, "sbs-feeder-" + feeder);
            thread.setDaemon(true);
            running.put(client, thread);
            thread.start();
        }
        LOG.infof("SBS feeders %s for tenant %s, times read as %s", feeders, config.tenant(), zone);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running.keySet().forEach(SbsFeederClient::stop);
        for (Thread thread : running.values()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }

    /** Fails the start on settings that would otherwise break each feeder thread on its own, later. */
    private void validate() {
        new Backoff(config.reconnectInitialDelay(), config.reconnectMaxDelay());
        if (config.batchSize() < 1 || config.maxAircraft() < 1 || config.maxLineLength() < 64) {
            throw new IllegalArgumentException("streamgate.ingest.adsb.sbs: batch-size and max-aircraft must be "
                    + "positive, max-line-length at least 64");
        }
        if (config.tenant().isBlank()) {
            throw new IllegalArgumentException("streamgate.ingest.adsb.sbs.tenant must not be blank");
        }
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(config.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("streamgate.ingest.adsb.sbs.time-zone: '" + config.timeZone()
                    + "' is not a zone id such as UTC or Europe/London", e);
        }
    }
}

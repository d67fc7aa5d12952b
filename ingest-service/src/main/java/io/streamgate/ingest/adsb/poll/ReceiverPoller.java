package io.streamgate.ingest.adsb.poll;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.ingest.adsb.AdsbConfig;
import io.streamgate.ingest.adsb.AircraftJsonParser;
import io.streamgate.ingest.adsb.AircraftPositionWriter;

/** Polls every configured receiver at a fixed rate, each on its own thread so a slow one delays no other. */
@ApplicationScoped
public class ReceiverPoller {

    /** The CloudEvents source of polled positions. */
    public static final String SOURCE = "/ingest/adsb/poll";

    private static final Logger LOG = Logger.getLogger(ReceiverPoller.class);

    private final PollConfig config;
    private final AdsbConfig adsb;
    private final AircraftPositionWriter writer;
    private final MeterRegistry registry;
    private ScheduledExecutorService executor;

    ReceiverPoller(PollConfig config, AdsbConfig adsb, AircraftPositionWriter writer, MeterRegistry registry) {
        this.config = config;
        this.adsb = adsb;
        this.writer = writer;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        List<ReceiverUrl> receivers = receivers();
        if (receivers.isEmpty()) {
            LOG.debug("no receiver URL configured (streamgate.ingest.adsb.poll.urls): polling is off");
            return;
        }
        if (config.interval().isNegative() || config.interval().isZero()) {
            throw new IllegalArgumentException("streamgate.ingest.adsb.poll.interval must be positive");
        }
        if (config.tenant().isBlank()) {
            throw new IllegalArgumentException("streamgate.ingest.adsb.poll.tenant must not be blank");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        AircraftJsonFetcher fetcher = new AircraftJsonFetcher(client, config.timeout(), config.maxBodyBytes());
        AircraftJsonParser parser = new AircraftJsonParser(Instant::now, adsb.staleAfter());
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(receivers.size(), task -> {
            Thread thread = new Thread(task, "receiver-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (ReceiverUrl receiver : receivers) {
            executor.scheduleAtFixedRate(new ReceiverPoll(receiver, fetcher, parser, writer, config.tenant(), registry),
                    0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.infof("polling %s every %s for tenant %s", receivers, config.interval(), config.tenant());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<ReceiverUrl> receivers() {
        List<String> urls = config.urls().orElse(List.of());
        List<ReceiverUrl> receivers = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            if (!urls.get(i).isBlank()) {
                receivers.add(ReceiverUrl.parse(urls.get(i), i));
            }
        }
        return receivers;
    }
}

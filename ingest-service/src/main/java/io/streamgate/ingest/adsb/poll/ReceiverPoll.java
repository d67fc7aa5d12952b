package io.streamgate.ingest.adsb.poll;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.ingest.adsb.AircraftJsonParser;
import io.streamgate.ingest.adsb.AircraftPositionWriter;
import io.streamgate.ingest.adsb.ReceiverSnapshot;
import io.streamgate.ingest.kafka.BrokerUnavailableException;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.platform.json.Json;

/**
 * One poll of one receiver, run again and again: fetch, parse, write. Never throws, since a scheduled
 * task that throws is never run again; every outcome is counted, and a failure is logged once per
 * run of failures rather than every second.
 */
final class ReceiverPoll implements Runnable {

    private static final Logger LOG = Logger.getLogger(ReceiverPoll.class);

    private final ReceiverUrl receiver;
    private final AircraftJsonFetcher fetcher;
    private final AircraftJsonParser parser;
    private final AircraftPositionWriter writer;
    private final String tenant;
    private final Map<PollOutcome, Counter> outcomes = new EnumMap<>(PollOutcome.class);
    private long failuresInARow;

    ReceiverPoll(ReceiverUrl receiver, AircraftJsonFetcher fetcher, AircraftJsonParser parser,
            AircraftPositionWriter writer, String tenant, MeterRegistry registry) {
        this.receiver = receiver;
        this.fetcher = fetcher;
        this.parser = parser;
        this.writer = writer;
        this.tenant = tenant;
        for (PollOutcome outcome : PollOutcome.values()) {
            outcomes.put(outcome, Counter.builder("streamgate.ingest.adsb.polls")
                    .description("Polls of receivers' aircraft.json, by outcome")
                    .tag("receiver", receiver.display()).tag("outcome", outcome.tag()).register(registry));
        }
    }

    @Override
    public void run() {
        try {
            ReceiverSnapshot snapshot = parser.parse(readJson(fetcher.fetch(receiver)));
            writer.write(snapshot.positions(), tenant, ReceiverPoller.SOURCE);
            succeeded();
        } catch (PollFailure e) {
            failed(e.outcome(), e.getMessage());
        } catch (InvalidRequestException e) {
            String first = e.problems().isEmpty() ? "" : " (first: " + e.problems().get(0).pointer() + " "
                    + e.problems().get(0).detail() + ")";
            failed(PollOutcome.INVALID, e.getMessage() + first);
        } catch (BrokerUnavailableException e) {
            failed(PollOutcome.KAFKA_UNAVAILABLE, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(PollOutcome.ERROR, e.toString());
        }
    }

    private static JsonNode readJson(byte[] body) throws PollFailure {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new PollFailure(PollOutcome.NOT_JSON, "the body is not JSON");
        }
    }

    private void succeeded() {
        outcomes.get(PollOutcome.OK).increment();
        if (failuresInARow > 0) {
            LOG.infof("polling %s works again after %d failed poll(s)", receiver, failuresInARow);
            failuresInARow = 0;
        }
    }

    private void failed(PollOutcome outcome, String detail) {
        outcomes.get(outcome).increment();
        if (failuresInARow++ == 0) {
            LOG.warnf("polling %s failed (%s): %s; polling continues", receiver, outcome.tag(), detail);
        } else {
            LOG.debugf("polling %s failed again (%s): %s", receiver, outcome.tag(), detail);
        }
    }
}

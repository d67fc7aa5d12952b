package io.streamgate.safety.aviation.pairs;

import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.safety.aviation.SafetyMetrics;
import io.streamgate.safety.aviation.geo.Sectors;

/**
 * Re-keys each position (keyed by ICAO hex) by tenant and sector: one copy to its home sector, one to every other
 * sector within a pair check's reach, each with its CloudEvents headers and a {@value #HOME} header saying which
 * copy is the home one. Records that cannot be read, or carry no position, go nowhere: the per-aircraft consumer
 * reads the same topic and counts them already.
 */
final class SectorRouter implements Processor<String, byte[], String, byte[]> {

    /** {@code 1} on the copy in the aircraft's home sector, {@code 0} on the others. */
    static final String HOME = "sg_home";
    private static final byte[] YES = {'1'};
    private static final byte[] NO = {'0'};

    private final Sectors sectors;
    private final SafetyMetrics metrics;
    private ProcessorContext<String, byte[]> context;

    SectorRouter(Sectors sectors, SafetyMetrics metrics) {
        this.sectors = sectors;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<PositionCopy> read = PositionCopy.read(record);
        if (read.isEmpty()) {
            return;
        }
        EventEnvelope envelope = read.get().envelope();
        AircraftPosition position = read.get().position();
        if (!Double.isFinite(position.lat()) || !Double.isFinite(position.lon())) {
            return;
        }
        long home = sectors.home(position.lat(), position.lon());
        int[] copies = {0};
        sectors.within(position.lat(), position.lon(), sector -> {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.remove(HOME);
            headers.add(HOME, sector == home ? YES : NO);
            context.forward(record.withKey(PairKeys.sector(envelope.tenant(), sector)).withHeaders(headers));
            copies[0]++;
        });
        metrics.routed(copies[0]);
    }

    static boolean isHome(Record<String, byte[]> record) {
        var header = record.headers().lastHeader(HOME);
        return header != null && header.value().length == 1 && header.value()[0] == '1';
    }
}

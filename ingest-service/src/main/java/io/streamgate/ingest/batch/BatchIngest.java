package io.streamgate.ingest.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.service.identity.Caller;
import io.streamgate.ingest.idempotency.IdempotentWrites;
import io.streamgate.ingest.kafka.EventWriter;
import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.json.Json;

/**
 * The shared path of every batch endpoint: parse, read every item (collecting all problems), refuse
 * the batch whole if anything is wrong, else write every item and answer 202 once Kafka has
 * acknowledged them all. Honours {@code Idempotency-Key}.
 */
@ApplicationScoped
public class BatchIngest {

    private final EventWriter writer;
    private final Caller caller;
    private final IdempotentWrites idempotency;
    private final BatchConfig config;
    private final MeterRegistry registry;

    BatchIngest(EventWriter writer, Caller caller, IdempotentWrites idempotency, BatchConfig config,
            MeterRegistry registry) {
        this.writer = writer;
        this.caller = caller;
        this.idempotency = idempotency;
        this.config = config;
        this.registry = registry;
    }

    public <T> Response ingest(BatchSpec<T> spec, String idempotencyKey, byte[] body) {
        String tenant = caller.tenant();
        return idempotency.run(tenant, idempotencyKey, body, () -> {
            List<T> items = read(spec, body);
            List<OutboundEvent> events = new ArrayList<>(items.size());
            for (T item : items) {
                EventEnvelope envelope = EventEnvelope.of(spec.source(), spec.type().apply(item),
                        spec.time().apply(item), spec.key().apply(item), tenant);
                events.add(new OutboundEvent(envelope, Json.encode(item)));
            }
            writer.writeAll(spec.topic(), events);
            registry.counter("streamgate.ingest.records", "topic", spec.topic().name()).increment(events.size());
            return Response.accepted(new BatchReceipt(events.size())).build();
        });
    }

    <T> List<T> read(BatchSpec<T> spec, byte[] body) {
        JsonNode document = parse(body);
        JsonNode array = document != null && document.isObject() ? document.get(spec.itemsName()) : document;
        String base = document != null && document.isObject() ? "/" + spec.itemsName() : "";
        if (array == null || !array.isArray()) {
            throw new InvalidRequestException("expected an array of items",
                    List.of(new FieldProblem(base, "must be an array (or an object with a '" + spec.itemsName()
                            + "' array)")));
        }
        if (array.isEmpty() || array.size() > config.maxItems()) {
            throw new InvalidRequestException("batch size out of range", List.of(new FieldProblem(base,
                    "must hold 1 to " + config.maxItems() + " items, not " + array.size())));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            FieldReader fields = new FieldReader(array.get(i), base + "/" + i, problems);
            T item = fields.valid() ? spec.reader().read(fields) : null;
            if (item != null && fields.valid()) {
                items.add(item);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() + " problem(s) in the batch", problems);
        }
        return items;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }
}

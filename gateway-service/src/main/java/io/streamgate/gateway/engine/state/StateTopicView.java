package io.streamgate.gateway.engine.state;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.TopicHandler;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.StartPosition;
import io.streamgate.platform.topic.Topic;

/**
 * A topic of one platform record type read into a {@link KeyedStateView}: each record is the latest
 * state of its key; a tombstone (compacted topics) removes it. A domain view is a subclass that names
 * its topic, record, key and start position, and nothing else.
 *
 * @param <V> the platform record the topic carries
 */
public abstract class StateTopicView<V> implements TopicHandler {

    private static final Logger LOG = Logger.getLogger(StateTopicView.class);

    private final Topic topic;
    private final Class<V> type;
    private final StartPosition start;
    private final Function<ConsumerRecord<String, byte[]>, String> tombstoneKey;
    private final KeyedStateView<V> view;
    private final Counter malformed;

    /**
     * @param name         the view's {@code feed} tag in metrics
     * @param key          a value's key within its tenant
     * @param tombstoneKey the view key a tombstone record removes (its record key, less any tenant prefix)
     */
    protected StateTopicView(String name, Topic topic, Class<V> type, Function<V, String> key, StartPosition start,
            Function<ConsumerRecord<String, byte[]>, String> tombstoneKey, EngineLoop loop, EngineConfig config,
            MeterRegistry registry) {
        this.topic = topic;
        this.type = type;
        this.start = start;
        this.tombstoneKey = tombstoneKey;
        this.view = new KeyedStateView<>(name, key, loop, config, registry);
        this.malformed = Counter.builder("streamgate.gateway.records.malformed").tag("feed", name)
                .description("Records skipped because they break the event contract").register(registry);
    }

    /** The record key without its {@code <tenant>/} prefix, for topics keyed {@code tenant/id}. */
    protected static String afterTenant(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        int slash = key == null ? -1 : key.indexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    @Override
    public Topic topic() {
        return topic;
    }

    @Override
    public StartPosition startPosition() {
        return start;
    }

    @Override
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
                if (record.value() == null) {
                    view.remove(envelope.tenant(), tombstoneKey.apply(record));
                } else {
                    view.put(envelope.tenant(), Json.decode(record.value(), type));
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                malformed.increment();
                LOG.debugf("skipping malformed record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
    }

    /** See {@link KeyedStateView#query}. */
    public <T> CompletionStage<T> query(String tenant, Function<Collection<V>, T> query) {
        return view.query(tenant, query);
    }

    public void subscribe(Session session, String tenant, StateCodec<V> codec, StateFilter<V> filter) {
        view.subscribe(session, tenant, codec, filter);
    }

    public void unsubscribe(Session session) {
        view.unsubscribe(session);
    }
}

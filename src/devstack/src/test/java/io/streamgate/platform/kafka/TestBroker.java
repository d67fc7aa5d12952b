package io.streamgate.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.Devstack;

/**
 * The JVM's devstack broker as the consumer loop's tests use it: a fresh topic per test, records written at
 * chosen partitions and times, and what the broker says about a group (its committed offsets, its members).
 */
final class TestBroker implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers = Devstack.sharedServiceConfig().get("kafka.bootstrap.servers");
    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    KafkaClients clients() {
        return KafkaClients.of(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** A topic no other test reads, named after what it stands for. */
    String newTopic(String like, int partitions) {
        String name = like + "." + UUID.randomUUID();
        get(() -> admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS));
        return name;
    }

    /** A group id no other test uses. */
    static String newGroup(String like) {
        return like + "-" + UUID.randomUUID();
    }

    /** Writes {@code count} records to {@code partition}, stamped {@code timestamp}, acknowledged before returning. */
    void write(TopicPartition partition, int count, long timestamp) {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), timestamp, "key-" + i,
                    new byte[] {(byte) i}));
        }
        get(() -> {
            producer.flush();
            return null;
        });
    }

    void write(TopicPartition partition, int count) {
        write(partition, count, System.currentTimeMillis());
    }

    /** The offset the group committed for {@code partition}, or null when it committed none. */
    Long committed(String group, TopicPartition partition) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(
                () -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? null : offset.offset();
    }

    /** How many members the group has now, as its coordinator sees it. */
    int members(String group) {
        return get(() -> admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS)).get(group)
                .members().size();
    }

    static void await(String what, BooleanSupplier condition) {
        Deadline.await(what, WAIT, condition);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private interface BrokerCall<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T get(BrokerCall<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer", e);
        }
    }
}

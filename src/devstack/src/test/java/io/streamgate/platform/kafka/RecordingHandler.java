package io.streamgate.platform.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** Writes down what a loop told it, for the test thread to read. */
class RecordingHandler implements ConsumerLoop.Handler {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Long> offsets = new CopyOnWriteArrayList<>();
    final Map<TopicPartition, Long> startPositions = new ConcurrentHashMap<>();
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger ticks = new AtomicInteger();
    volatile int partitionCount = -1;
    /** Runs first in {@link #process}, on the loop's thread. */
    volatile Consumer<ConsumerRecords<String, byte[]>> onProcess = records -> {
    };
    /** Runs first in {@link #tick}, on the loop's thread. */
    volatile Consumer<Instant> onTick = now -> {
    };

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
        onProcess.accept(records);
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.add(record.offset());
        }
        calls.add("process " + records.count());
    }

    @Override
    public void tick(Instant now) {
        onTick.accept(now);
        ticks.incrementAndGet();
    }

    @Override
    public void assigned(Assignment assignment) {
        String topic = assignment.partitions().iterator().next().topic();
        partitionCount = assignment.partitionCount(topic);
        assignment.partitions().forEach(p -> startPositions.put(p, assignment.position(p)));
        calls.add("assigned " + assignment.partitions().size());
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        calls.add("revoked " + partitions.size());
    }

    @Override
    public void failed(RuntimeException cause) {
        failures.add(cause);
        calls.add("failed");
    }
}

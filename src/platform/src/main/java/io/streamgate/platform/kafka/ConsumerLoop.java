package io.streamgate.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The one Kafka poll loop of StreamGate: a thread of its own that connects, joins its partitions as its
 * {@link ConsumerMode} says (a consumer group, or every partition by assignment), hands each poll to its
 * {@link Handler}, and only then commits (in a group). Any failure closes the consumer, tells the handler,
 * and connects again after a pause; what was not committed is read again. The consumer's metrics are
 * registered for as long as it is connected.
 *
 * <p>The handler is called on the loop's thread only, so what it owns needs no locks.
 */
public final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    /** How long {@link #stop} waits for the thread once the consumer is woken up. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** What a loop does with its records. */
    public interface Handler {

        /**
         * The records of one poll. In a group, their offsets are committed once this returns: return only
         * when what they produced is safe.
         *
         * @throws InterruptedException ends the loop, as {@link ConsumerLoop#stop()} would
         */
        void process(ConsumerRecords<String, byte[]> records) throws InterruptedException;

        /** After every poll, records or not: for silence checks and cache refreshes on the wall clock. */
        default void tick(Instant now) {
        }

        /**
         * Partitions this loop now reads from; in broadcast mode, after each one was positioned at its start,
         * once per connection.
         */
        default void assigned(Assignment assignment) {
        }

        /** Partitions the group moves away; what was processed of them is committed after this returns. */
        default void revoked(Collection<TopicPartition> partitions) {
        }

        /** Partitions another member may already own (the session expired); nothing can be committed. */
        default void lost(Collection<TopicPartition> partitions) {
            revoked(partitions);
        }

        /**
         * The loop failed and reconnects after a pause, reading its uncommitted records again: forget what
         * they built.
         */
        default void failed(RuntimeException cause) {
        }
    }

    private final String name;
    private final ConsumerMode mode;
    private final Handler handler;
    private final KafkaClients kafka;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param name the thread's name, and the loop's in logs
     */
    public ConsumerLoop(String name, ConsumerMode mode, Handler handler, KafkaClients kafka, MeterRegistry registry) {
        this.name = name;
        this.mode = mode;
        this.handler = handler;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts the thread; a stopped loop may be started again, and joins again from the committed offsets. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " is running");
        }
        running.set(true);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops now: a poll in progress is woken up, what its handler was given may not be committed. */
    public void stop() {
        stop(Duration.ZERO);
    }

    /**
     * Stops once the current poll is processed (and committed, in a group), waking the consumer up only if that
     * takes longer than {@code letPollFinish}: for handlers whose output a replay would count twice.
     */
    public synchronized void stop(Duration letPollFinish) {
        running.set(false);
        if (thread == null) {
            return;
        }
        try {
            if (letPollFinish.toMillis() > 0) {
                thread.join(letPollFinish.toMillis());
            }
            Consumer<String, byte[]> current = consumer;
            if (thread.isAlive() && current != null) {
                current.wakeup();
            }
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        consumer = null;
    }

    private void run() {
        Map<String, Object> settings = mode.settings();
        while (running.get()) {
            try (Consumer<String, byte[]> connection = kafka.consumer(settings);
                    KafkaClientMetrics metrics = new KafkaClientMetrics(connection)) {
                consumer = connection;
                metrics.bindTo(registry);
                mode.join(connection, handler, name);
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = connection.poll(mode.pollTimeout());
                    if (!records.isEmpty()) {
                        handler.process(records);
                        mode.processed(connection, records);
                    }
                    mode.polled(connection, name);
                    handler.tick(Instant.now());
                }
            } catch (WakeupException stopping) {
                return;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Offsets of the failed poll are not committed: the next consumer reads it again.
                LOG.errorf(e, "%s failed (%s: %s); reconnecting", name, e.getClass().getSimpleName(), e.getMessage());
                handler.failed(e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return false;
        }
    }
}

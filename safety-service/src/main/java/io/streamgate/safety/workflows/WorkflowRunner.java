package io.streamgate.safety.workflows;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.safety.sensors.Outbound;
import io.streamgate.safety.sensors.OutboundWriter;

/** Starts this replica's {@link ExecutionRunner} with the service, unless {@code runner.enabled} is false. */
@ApplicationScoped
public class WorkflowRunner {

    private static final Logger LOG = Logger.getLogger(WorkflowRunner.class);

    private final WorkflowsConfig config;
    private final ExecutionQueue queue;
    private final WorkflowStore store;
    private final WebhookClient webhooks;
    private final OutboundWriter writer;
    private final WorkflowMetrics metrics;
    private ExecutionRunner runner;

    WorkflowRunner(WorkflowsConfig config, ExecutionQueue queue, WorkflowStore store, WebhookClient webhooks,
            OutboundWriter writer, WorkflowMetrics metrics) {
        this.config = config;
        this.queue = queue;
        this.store = store;
        this.webhooks = webhooks;
        this.writer = writer;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        long longestStep = config.webhooks().connectTimeout().plus(config.webhooks().maxTimeout()).toMillis();
        if (config.runner().lease().toMillis() <= longestStep) {
            throw new IllegalStateException("streamgate.safety.workflows.runner.lease (" + config.runner().lease()
                    + ") must exceed webhooks.connect-timeout + webhooks.max-timeout, so a live replica finishes "
                    + "every step inside its lease");
        }
        if (!config.runner().enabled()) {
            LOG.info("workflow runner off (streamgate.safety.workflows.runner.enabled=false)");
            return;
        }
        runner = newRunner(writer::sendAndWait);
        runner.start();
    }

    /** A runner over this service's queue, store and webhook client that writes its records to {@code sink}. */
    public ExecutionRunner newRunner(Consumer<List<Outbound>> sink) {
        Backoff backoff = new Backoff(config.webhooks().backoffBase(), config.webhooks().backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        Clock clock = Clock.systemUTC();
        return new ExecutionRunner(queue, new ExecutionStepper(store, webhooks, backoff, config, metrics, clock), sink,
                config.runner(), metrics, clock);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (runner != null) {
            runner.close();
        }
    }
}

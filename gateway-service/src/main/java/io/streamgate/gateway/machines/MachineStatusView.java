package io.streamgate.gateway.machines;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.engine.StartPosition;
import io.streamgate.gateway.engine.state.StateTopicView;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.topic.Topics;

/**
 * Every machine's current health ({@code machines.status}, compacted, key {@code <tenant>/<machine>}),
 * read from the beginning so a new replica knows every machine before it is ready. Each change carries
 * the transition ({@code old_status} → {@code new_status}).
 */
@Singleton
public class MachineStatusView extends StateTopicView<MachineStatus> {

    MachineStatusView(EngineLoop loop, EngineConfig config, MeterRegistry registry) {
        super("machines", Topics.MACHINES_STATUS, MachineStatus.class, MachineStatus::machineId,
                StartPosition.earliest(), StateTopicView::afterTenant, loop, config, registry);
    }
}

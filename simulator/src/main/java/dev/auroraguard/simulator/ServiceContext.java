package dev.auroraguard.simulator;

import dev.auroraguard.simulator.protocol.ServiceModel;

/** What a simulated service is built from when it is {@link Simulator#register registered}. */
public record ServiceContext(
        ServiceModel model,
        SimClock clock,
        Timings timings,
        EventLog events,
        String accountId,
        String region,
        SimulatorOptions options) {
}

package dev.auroraguard.simulator.protocol;

/**
 * A simulated service whose resources change with time and survive a restart of {@code sandbox serve}.
 * The simulator calls every method under one lock shared with {@link #handle}, so implementations need
 * no locking of their own against simulator calls.
 */
public interface StatefulService extends SimulatedService {

    /** Applies every transition due at the clock's current time (and publishes the events they cause). */
    void settle();

    /** The whole state as JSON text, for {@code stateDir/state.json}. */
    String stateJson();

    /** Replaces the state with one {@link #stateJson()} wrote; called once, right after construction. */
    void restoreState(String json);
}

package dev.auroraguard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every event the simulator has accepted (PutEvents) or published itself (RDS events), in order.
 * Tests and the demo read it; the sandbox's event router subscribes to it to deliver events to
 * functions the way the deployed EventBridge rules will.
 */
public final class EventLog {

    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Consumer<RecordedEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<RecordedEvent>> deferred = new ThreadLocal<>();

    /**
     * Records an event, then hands it to each subscriber (outside the log's lock) — at once, or, inside
     * {@link #deferringDelivery}, when that returns.
     */
    public void record(RecordedEvent event) {
        synchronized (events) {
            events.add(event);
        }
        List<RecordedEvent> queue = deferred.get();
        if (queue != null) {
            queue.add(event);
            return;
        }
        deliver(event);
    }

    private void deliver(RecordedEvent event) {
        for (Consumer<RecordedEvent> subscriber : subscribers) {
            subscriber.accept(event);
        }
    }

    /**
     * Runs {@code work}; events this thread records meanwhile are in the log at once but reach the
     * subscribers only after {@code work} returns, in order. The simulator runs services under a lock,
     * and a subscriber that calls back into the simulator (the sandbox delivering an event to a function
     * that calls RDS) must not wait for a lock its own thread holds.
     */
    public <T> T deferringDelivery(Supplier<T> work) {
        if (deferred.get() != null) {
            return work.get();
        }
        List<RecordedEvent> queue = new ArrayList<>();
        deferred.set(queue);
        try {
            return work.get();
        } finally {
            deferred.remove();
            queue.forEach(this::deliver);
        }
    }

    public List<RecordedEvent> all() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<RecordedEvent> onBus(String eventBusName) {
        return all().stream().filter(e -> e.eventBusName().equals(eventBusName)).toList();
    }

    public List<RecordedEvent> withDetailType(String detailType) {
        return all().stream().filter(e -> e.detailType().equals(detailType)).toList();
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    public void subscribe(Consumer<RecordedEvent> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<RecordedEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    public void clear() {
        synchronized (events) {
            events.clear();
        }
    }
}

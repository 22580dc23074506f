package dev.auroraguard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every event the simulator has accepted (PutEvents) or published itself (RDS events), in order.
 * Tests and the demo read it; the sandbox's event router subscribes to it to deliver events to
 * functions the way the deployed EventBridge rules will.
 */
public final class EventLog {

    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Consumer<RecordedEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Records an event, then hands it to each subscriber (outside the log's lock). */
    public void record(RecordedEvent event) {
        synchronized (events) {
            events.add(event);
        }
        for (Consumer<RecordedEvent> subscriber : subscribers) {
            subscriber.accept(event);
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

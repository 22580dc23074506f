package dev.auroraguard.event;

import dev.auroraguard.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads the event fixtures under {@code src/test/resources/events} as the Lambda runtime would hand them over. */
public final class EventFixtures {

    private EventFixtures() {
    }

    public static String text(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> load(String name) {
        return Json.parseObject(text(name));
    }

    /** A fixture with some top-level string fields replaced, e.g. {@code id} and {@code time}. */
    public static Map<String, Object> load(String name, Map<String, Object> overrides) {
        Map<String, Object> map = load(name);
        map.putAll(overrides);
        return map;
    }
}

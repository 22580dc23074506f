package dev.auroraguard.domain.restore;

import java.util.Arrays;
import java.util.Optional;

/** Who asked for a restore: a person or system through a {@code Restore Requested} event, or a CloudWatch alarm. */
public enum RestoreOrigin {

    REQUEST("request"),
    /** Alarm-triggered restores are subject to the cooldown, so that a flapping alarm cannot create a fleet of clusters. */
    ALARM("alarm");

    private final String word;

    RestoreOrigin(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<RestoreOrigin> fromWord(String word) {
        return Arrays.stream(values()).filter(o -> o.word.equals(word)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}

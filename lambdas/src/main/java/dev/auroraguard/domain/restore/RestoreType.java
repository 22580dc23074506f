package dev.auroraguard.domain.restore;

import java.util.Arrays;
import java.util.Optional;

/** RDS's {@code RestoreType}: a full copy of the cluster volume, or a copy-on-write clone of the latest state. */
public enum RestoreType {

    FULL_COPY("full-copy"),
    /** A clone shares pages with the source until they change; RDS only clones the latest restorable state. */
    COPY_ON_WRITE("copy-on-write");

    private final String word;

    RestoreType(String word) {
        this.word = word;
    }

    /** The value RDS takes, e.g. {@code full-copy}. */
    public String word() {
        return word;
    }

    public static Optional<RestoreType> fromWord(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}

package dev.auroraguard.domain;

import java.util.Arrays;
import java.util.Optional;

/** What to do with a cluster that is not {@code available} (backing-up, modifying, stopped...). */
public enum UnavailableClusterPolicy {

    /** Report it as failed and fail the invocation, so Lambda retries it a little later (the default). */
    FAIL("fail"),
    /** Report it as skipped and carry on; the invocation does not fail for it. */
    SKIP("skip");

    private final String word;

    UnavailableClusterPolicy(String word) {
        this.word = word;
    }

    public static Optional<UnavailableClusterPolicy> fromWord(String word) {
        return Arrays.stream(values()).filter(p -> p.word.equalsIgnoreCase(word)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}

package dev.auroraguard.domain;

import java.util.Arrays;
import java.util.Optional;

/** Why aurora-guard took a snapshot; the word appears in the snapshot's identifier and its kind tag. */
public enum SnapshotKind {

    SCHEDULED("scheduled"),

    /** A rollback point taken before a release, asked for by a pipeline or a CI job. */
    PRE_DEPLOY("pre-deploy");

    private final String word;

    SnapshotKind(String word) {
        this.word = word;
    }

    /** Lower-case letters and hyphens only: it is part of an RDS identifier and a tag value. */
    public String word() {
        return word;
    }

    public static Optional<SnapshotKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}

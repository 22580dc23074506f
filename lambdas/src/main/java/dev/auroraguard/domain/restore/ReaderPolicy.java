package dev.auroraguard.domain.restore;

/**
 * How many readers a restored cluster gets besides its writer: none (the default: the restored cluster is
 * for investigation and recovery, and readers can be added later), as many as the source has (with their
 * classes), or a fixed number (with the writer's class).
 */
public sealed interface ReaderPolicy {

    record None() implements ReaderPolicy {
        @Override
        public String toString() {
            return "none";
        }
    }

    record SameAsSource() implements ReaderPolicy {
        @Override
        public String toString() {
            return "same";
        }
    }

    record Count(int readers) implements ReaderPolicy {
        public Count {
            if (readers < 0 || readers > 15) {
                throw new IllegalArgumentException("an Aurora cluster has at most 15 readers, not " + readers);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(readers);
        }
    }

    /** Parses {@code none}, {@code same} or a number from 0 to 15; anything else is an IllegalArgumentException. */
    public static ReaderPolicy parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> new None();
            case "same" -> new SameAsSource();
            default -> new Count(Integer.parseInt(text.trim()));
        };
    }

}

package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * How much time the invocation has left: Lambda's {@link Context#getRemainingTimeInMillis()}. An
 * invocation without a context (a local call) has no deadline.
 */
public interface InvocationDeadline {

    /** The time left, or empty when there is no deadline. */
    Optional<Duration> remaining();

    /** True when less than {@code margin} is left: nothing new should start. */
    default boolean within(Duration margin) {
        return remaining().map(left -> left.compareTo(margin) < 0).orElse(false);
    }

    static InvocationDeadline of(Context context) {
        if (context == null) {
            return none();
        }
        return () -> Optional.of(Duration.ofMillis(context.getRemainingTimeInMillis()));
    }

    static InvocationDeadline none() {
        return Optional::empty;
    }
}

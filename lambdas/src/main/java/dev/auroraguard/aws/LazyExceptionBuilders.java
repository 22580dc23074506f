package dev.auroraguard.aws;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * The builder supplier of one modeled AWS exception, resolved when AWS first answers with that error.
 *
 * <p>An SDK client registers every modeled exception of its service when it is built (RDS: about 150),
 * each as a {@code XException::builder} method reference, which loads the exception's classes and spins a
 * lambda class per exception at every cold start. The function artifacts' build (functions/,
 * {@code LazyModeledExceptions}) rewrites those references in the SDK clients into calls of
 * {@link #supplier}: the same builder, the same registration, loaded only when that error happens.
 */
public final class LazyExceptionBuilders {

    private LazyExceptionBuilders() {
    }

    /** A supplier of {@code exceptionClass}'s {@code builder()}, looking the class up on first use. */
    public static Supplier<Object> supplier(String exceptionClass) {
        return new Supplier<>() {
            private volatile Method builder;

            @Override
            public Object get() {
                try {
                    Method method = builder;
                    if (method == null) {
                        method = Class.forName(exceptionClass, true, LazyExceptionBuilders.class.getClassLoader())
                                .getMethod("builder");
                        builder = method;
                    }
                    return method.invoke(null);
                } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
                    throw new IllegalStateException("cannot build the modeled exception " + exceptionClass + ": " + e, e);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException("building the modeled exception " + exceptionClass + " failed", e.getCause());
                }
            }
        };
    }
}

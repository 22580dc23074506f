package dev.auroraguard.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A handler as Lambda's runtime holds it: constructed once (the init phase), then invoked per event. A
 * {@link RequestStreamHandler} gets the event's bytes; a {@link RequestHandler} gets the event parsed
 * into maps and lists, as the runtime's deserializer would hand it over (parsed here by {@link ProbeJson},
 * which loads nothing beyond java.base).
 */
final class HandlerCall {

    private final Object handler;
    private int invocations;

    HandlerCall(String className) throws ReflectiveOperationException {
        this.handler = Class.forName(className).getConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    void invoke(byte[] event) throws Exception {
        invocations++;
        Context context = new ProbeContext("cold-start-probe-" + invocations);
        if (handler instanceof RequestStreamHandler streamHandler) {
            streamHandler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context);
        } else if (handler instanceof RequestHandler<?, ?> requestHandler) {
            Object input = ProbeJson.parse(new String(event, StandardCharsets.UTF_8));
            ((RequestHandler<Object, Object>) requestHandler).handleRequest(input, context);
        } else {
            throw new IllegalArgumentException(handler.getClass().getName() + " is not a Lambda handler");
        }
    }
}

package dev.auroraguard.sandbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.auroraguard.handler.FunctionCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls Lambda handlers in this JVM the way the Lambda Java runtime does: one handler instance per
 * function (a warm container), the event JSON deserialized into the handler's declared input type,
 * the result serialized back to JSON, an exception turned into Lambda's error document.
 *
 * <p>The function's environment (endpoint, region, credentials, its settings) is handed over as Java
 * system properties, which aurora-guard's configuration reads after the environment variables.
 */
public final class LambdaInvoker {

    /** Dummy credentials: the simulator accepts any signature. */
    static final String SANDBOX_ACCESS_KEY = "sandbox";
    static final String SANDBOX_SECRET_KEY = "sandbox-secret";
    static final String ACCOUNT_ID = "123456789012";

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<FunctionCatalog, Object> warmHandlers = new HashMap<>();
    private final Map<String, String> environment;
    private final String region;

    /** The outcome of one invocation: the result, or Lambda's error document. */
    public record Outcome(boolean failed, Object value, String json) {
    }

    public LambdaInvoker(URI endpoint, Map<String, String> functionEnvironment) {
        this.region = firstNonBlank(System.getenv("AWS_REGION"), "us-east-1");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", SANDBOX_ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SANDBOX_SECRET_KEY);
        env.putAll(functionEnvironment);
        this.environment = Map.copyOf(env);
    }

    public Outcome invoke(FunctionCatalog function, String eventJson, Duration timeout, PrintStream logOut) {
        Context context = new LambdaContext("aurora-guard-" + function.functionName(), region, ACCOUNT_ID, 1024, timeout, logOut);
        try {
            Object handler = warmHandler(function);
            Object result;
            if (handler instanceof RequestStreamHandler streamHandler) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output, context);
                String text = output.toString(StandardCharsets.UTF_8);
                result = text.isBlank() ? null : mapper.readTree(text);
            } else if (handler instanceof RequestHandler<?, ?> requestHandler) {
                result = invokeTyped(requestHandler, eventJson, context);
            } else {
                throw new IllegalStateException(function.handlerClassName() + " implements neither RequestHandler nor RequestStreamHandler");
            }
            return new Outcome(false, result, mapper.writeValueAsString(result));
        } catch (Exception e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("errorMessage", cause.getMessage());
            error.put("errorType", cause.getClass().getName());
            error.put("stackTrace", Arrays.stream(cause.getStackTrace()).limit(8).map(StackTraceElement::toString).toList());
            try {
                return new Outcome(true, error, mapper.writeValueAsString(error));
            } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object invokeTyped(RequestHandler handler, String eventJson, Context context) throws Exception {
        JavaType inputType = mapper.getTypeFactory().constructType(inputType(handler.getClass()));
        Object input = mapper.readValue(eventJson, inputType);
        return handler.handleRequest(input, context);
    }

    /** The {@code I} of {@code RequestHandler<I, O>}, as the Lambda runtime resolves it. */
    private static Type inputType(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
        }
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return method.getGenericParameterTypes()[0];
            }
        }
        return Object.class;
    }

    private synchronized Object warmHandler(FunctionCatalog function) throws Exception {
        Object handler = warmHandlers.get(function);
        if (handler == null) {
            // Lambda sets the environment before the runtime constructs the handler (its init phase).
            environment.forEach(System::setProperty);
            System.setProperty("AWS_LAMBDA_FUNCTION_NAME", "aurora-guard-" + function.functionName());
            Class<?> handlerClass = Class.forName(function.handlerClassName());
            handler = handlerClass.getDeclaredConstructor().newInstance();
            warmHandlers.put(function, handler);
        }
        return handler;
    }

    List<String> environmentKeys() {
        return List.copyOf(environment.keySet());
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

package dev.auroraguard.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Lambda context of one in-process invocation of a benchmark: its deadline is {@code timeout} from now on
 * {@code clock} (a simulated clock, or the system's); the functions log through {@code StructuredLog}, so the
 * context's logger discards.
 */
public final class SimulatedLambdaContext implements Context {

    private final Clock clock;
    private final Instant deadline;
    private final String function;
    private final String requestId;

    /** @param function the deployed function's name, e.g. {@code aurora-guard-snapshot-cleanup} */
    public SimulatedLambdaContext(Clock clock, Duration timeout, String function, String requestId) {
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
        this.function = function;
        this.requestId = requestId;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
        return "bench/[$LATEST]" + requestId;
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + function;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                // the function logs through StructuredLog; nothing here is read
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}

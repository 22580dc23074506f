package dev.auroraguard.bench.cleanup;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.auroraguard.handler.SnapshotCleanupHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The Lambda context of one invocation whose deadline is {@code timeout} from now on the simulated clock. */
final class SimulatedLambdaContext implements Context {

    private static final String FUNCTION = "aurora-guard-" + SnapshotCleanupHandler.FUNCTION_NAME;

    private final Clock clock;
    private final Instant deadline;
    private final String requestId;

    SimulatedLambdaContext(Clock clock, Duration timeout, String requestId) {
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
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
        return "/aws/lambda/" + FUNCTION;
    }

    @Override
    public String getLogStreamName() {
        return "bench/[$LATEST]cleanup-at-scale";
    }

    @Override
    public String getFunctionName() {
        return FUNCTION;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION;
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

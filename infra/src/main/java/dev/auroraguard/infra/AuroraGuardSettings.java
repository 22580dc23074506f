package dev.auroraguard.infra;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deployment's configuration, read from CDK context ({@code cdk.json} or {@code -c key=value}) and
 * validated at synth time: a bad value stops the synth with a message naming the key.
 *
 * @param eventBusName the aurora-guard event bus (context key {@code eventBusName}, default {@code aurora-guard})
 */
public record AuroraGuardSettings(String eventBusName) {

    static final String DEFAULT_EVENT_BUS = "aurora-guard";
    // EventBridge: 1-256 characters of letters, digits, . - _ ; "default" and "aws." names are reserved.
    private static final Pattern BUS_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    public AuroraGuardSettings {
        if (!BUS_NAME.matcher(eventBusName).matches() || eventBusName.equals("default") || eventBusName.startsWith("aws.")) {
            throw new IllegalArgumentException("context eventBusName: '" + eventBusName
                    + "' is not a custom event bus name (1-256 of A-Z a-z 0-9 . _ -; not 'default', not starting with 'aws.')");
        }
    }

    static AuroraGuardSettings fromContext(Function<String, Object> context) {
        Object bus = context.apply("eventBusName");
        return new AuroraGuardSettings(bus == null ? DEFAULT_EVENT_BUS : bus.toString());
    }
}

package dev.auroraguard.simulator.junit;

import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where an integration suite's AWS calls go, chosen by {@code AURORA_GUARD_TEST_ENDPOINT} (environment
 * variable, else the Java system property of that name):
 * <ul>
 *   <li>unset or empty — an embedded {@link Simulator} ({@link SimulatorOptions#forTests()}), one per
 *       test class when the extension is a static field, closed after the class;</li>
 *   <li>a URL — another emulator (LocalStack, Floci, a running {@code sandbox serve}); credentials and
 *       region from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} and
 *       {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, defaulting to dummy credentials and {@code us-east-1};</li>
 *   <li>{@code aws} — the real AWS endpoints with the SDK's default credential chain.</li>
 * </ul>
 * <pre>{@code
 * @RegisterExtension static final AwsTarget aws = AwsTarget.create();
 * ...
 * RdsClient.builder().region(Region.of(aws.region()))
 *     .credentialsProvider(aws.staticCredentials().map(c -> (AwsCredentialsProvider) StaticCredentialsProvider.create(
 *         AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()))).orElse(DefaultCredentialsProvider.create()))
 *     .applyMutation(b -> aws.endpoint().ifPresent(b::endpointOverride))
 * }</pre>
 * It has no AWS SDK types so the simulator does not depend on the SDK.
 */
public final class AwsTarget implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final String ENDPOINT_VARIABLE = "AURORA_GUARD_TEST_ENDPOINT";

    /** The three places tests can run against. */
    public enum Mode { EMBEDDED_SIMULATOR, EXTERNAL_ENDPOINT, REAL_AWS }

    /** Static credentials for a simulator or emulator; {@code sessionToken} may be null. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "StaticCredentials[" + accessKeyId + "]";
        }
    }

    private static final AtomicInteger NAME_COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final UnaryOperator<SimulatorOptions> optionsCustomizer;
    private final Mode mode;
    private final URI externalEndpoint;
    private Simulator simulator;
    /** Class-level nesting: @Nested classes run their own beforeAll/afterAll inside the outer class's. */
    private int classDepth;

    private AwsTarget(UnaryOperator<SimulatorOptions> optionsCustomizer, String setting) {
        this.optionsCustomizer = optionsCustomizer;
        if (setting == null || setting.isBlank()) {
            mode = Mode.EMBEDDED_SIMULATOR;
            externalEndpoint = null;
        } else if ("aws".equalsIgnoreCase(setting.trim())) {
            mode = Mode.REAL_AWS;
            externalEndpoint = null;
        } else {
            URI uri = URI.create(setting.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(ENDPOINT_VARIABLE + " must be unset, 'aws', or an http(s) URL; got '" + setting + "'");
            }
            mode = Mode.EXTERNAL_ENDPOINT;
            externalEndpoint = uri;
        }
    }

    /** The target {@code AURORA_GUARD_TEST_ENDPOINT} names; an embedded simulator uses {@link SimulatorOptions#forTests()}. */
    public static AwsTarget create() {
        return create(UnaryOperator.identity());
    }

    /** Like {@link #create()}, with the embedded simulator's options adjusted, e.g. {@code o -> o.toBuilder().eventBus("x").build()}. */
    public static AwsTarget create(UnaryOperator<SimulatorOptions> optionsCustomizer) {
        return new AwsTarget(optionsCustomizer, setting(ENDPOINT_VARIABLE));
    }

    /** For the extension's own tests: a target from an explicit setting instead of the environment. */
    static AwsTarget forSetting(String setting) {
        return new AwsTarget(UnaryOperator.identity(), setting);
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        return value != null && !value.isEmpty() ? value : System.getProperty(name);
    }

    // ---- JUnit callbacks ---------------------------------------------------------------------------

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            startSimulator();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stopSimulator();
        }
    }

    /** An instance-field registration gets no class callbacks: then each test gets its own simulator. */
    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (classDepth == 0) {
            startSimulator();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (classDepth == 0) {
            stopSimulator();
        }
    }

    private void startSimulator() {
        if (mode == Mode.EMBEDDED_SIMULATOR && simulator == null) {
            try {
                simulator = Simulator.start(optionsCustomizer.apply(SimulatorOptions.forTests()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded AWS simulator", e);
            }
        }
    }

    private void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    // ---- what tests use ----------------------------------------------------------------------------

    public Mode mode() {
        return mode;
    }

    public boolean isSimulator() {
        return mode == Mode.EMBEDDED_SIMULATOR;
    }

    /** The endpoint override for SDK clients; empty for real AWS. */
    public Optional<URI> endpoint() {
        return switch (mode) {
            case EMBEDDED_SIMULATOR -> Optional.of(running().endpoint());
            case EXTERNAL_ENDPOINT -> Optional.of(externalEndpoint);
            case REAL_AWS -> Optional.empty();
        };
    }

    public String region() {
        if (mode == Mode.EMBEDDED_SIMULATOR) {
            return running().region();
        }
        String region = setting("AWS_REGION");
        if (region == null || region.isEmpty()) {
            region = setting("AWS_DEFAULT_REGION");
        }
        return region == null || region.isEmpty() ? "us-east-1" : region;
    }

    /** Credentials for the simulator or emulator; empty for real AWS, where the SDK's default chain applies. */
    public Optional<StaticCredentials> staticCredentials() {
        return switch (mode) {
            case EMBEDDED_SIMULATOR -> Optional.of(new StaticCredentials("AKIDSIMULATOR", "simulator-secret", null));
            case EXTERNAL_ENDPOINT -> {
                String keyId = setting("AWS_ACCESS_KEY_ID");
                String secret = setting("AWS_SECRET_ACCESS_KEY");
                if (keyId == null || keyId.isEmpty() || secret == null || secret.isEmpty()) {
                    yield Optional.of(new StaticCredentials("test", "test", null));
                }
                yield Optional.of(new StaticCredentials(keyId, secret, setting("AWS_SESSION_TOKEN")));
            }
            case REAL_AWS -> Optional.empty();
        };
    }

    /**
     * The embedded simulator, for tests that move its clock or inject faults. Anywhere else the test is
     * skipped (a JUnit assumption), since another emulator or real AWS has neither.
     */
    public Simulator simulator() {
        Assumptions.assumeTrue(mode == Mode.EMBEDDED_SIMULATOR, () -> "skipped against " + describe()
                + ": this test needs the aurora-guard simulator's clock or fault injection; unset " + ENDPOINT_VARIABLE
                + " to run it");
        return running();
    }

    /**
     * A fresh identifier {@code <prefix>-<8 lowercase letters/digits>} that fits RDS identifiers and event
     * bus names, so tests sharing an account (or an emulator) never collide.
     */
    public String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix.toLowerCase(Locale.ROOT)).append('-');
        int counter = NAME_COUNTER.incrementAndGet();
        for (int i = 0; i < 5; i++) {
            name.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
        }
        name.append(String.format(Locale.ROOT, "%03d", counter % 1000));
        return name.toString();
    }

    private synchronized Simulator running() {
        if (simulator == null) {
            throw new IllegalStateException("the embedded simulator is not running: register AwsTarget with @RegisterExtension "
                    + "and use it from a test (or @BeforeAll/@BeforeEach method)");
        }
        return simulator;
    }

    private String describe() {
        return switch (mode) {
            case EMBEDDED_SIMULATOR -> "the embedded simulator";
            case EXTERNAL_ENDPOINT -> externalEndpoint.toString();
            case REAL_AWS -> "real AWS";
        };
    }

    @Override
    public String toString() {
        return "AwsTarget[" + describe() + "]";
    }
}

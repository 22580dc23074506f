package dev.auroraguard.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link Simulator} starts. {@link #forTests()} and {@link #forServe(int, Path)} are the two
 * usual set-ups; {@link #toBuilder()} adjusts either.
 *
 * @param port                       127.0.0.1 port; 0 picks a free one
 * @param stateDir                   where {@code state.json} lives so state survives a restart; null keeps state in memory
 * @param eventBuses                 custom event buses that exist from the start (besides {@code default})
 * @param manualClusterSnapshotQuota the account's manual DB cluster snapshot quota (RDS default 100)
 * @param clusterQuota               the account's DB clusters quota (RDS default 40)
 * @param faultSeed                  seed of the random draws behind {@link Faults} shares
 * @param settleInterval             on the system clock, how often pending transitions are applied
 * @param services                   the built-in services to start (service model names such as
 *                                   {@code ServiceModel.EVENTS}); null starts every built-in service
 * @param rdsRateLimit               RDS's API request rate limit to enforce (a token bucket shared by every RDS
 *                                   operation, on {@code clock}); null, the default, enforces none
 */
public record SimulatorOptions(
        int port,
        Path stateDir,
        SimClock clock,
        Timings timings,
        String accountId,
        String region,
        List<String> eventBuses,
        int manualClusterSnapshotQuota,
        long faultSeed,
        Duration settleInterval,
        Set<String> services,
        RequestRateLimit rdsRateLimit,
        int clusterQuota) {

    /** Where {@link #forTests()} puts its manual clock: a night of backups, in UTC. */
    public static final Instant TEST_START = Instant.parse("2026-11-25T03:00:00Z");

    public SimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(settleInterval, "settleInterval");
        eventBuses = List.copyOf(eventBuses);
        services = services == null ? null : Set.copyOf(services);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("an AWS account id is 12 digits, not " + accountId);
        }
        if (manualClusterSnapshotQuota < 0) {
            throw new IllegalArgumentException("manualClusterSnapshotQuota cannot be negative");
        }
        if (clusterQuota < 0) {
            throw new IllegalArgumentException("clusterQuota cannot be negative");
        }
        if (settleInterval.isNegative() || settleInterval.isZero()) {
            throw new IllegalArgumentException("settleInterval must be positive");
        }
    }

    /** Whether the built-in service for {@code modelName} starts. */
    public boolean starts(String modelName) {
        return services == null || services.contains(modelName);
    }

    /** Manual clock at {@link #TEST_START}, {@link Timings#realistic()}, ephemeral port, no state directory. */
    public static SimulatorOptions forTests() {
        return builder().clock(SimClock.manual(TEST_START)).timings(Timings.realistic()).build();
    }

    /** System clock, {@link Timings#fast()}, the given port, state kept in {@code stateDirOrNull} if given. */
    public static SimulatorOptions forServe(int port, Path stateDirOrNull) {
        return builder().port(port).stateDir(stateDirOrNull).clock(SimClock.system()).timings(Timings.fast()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().port(port).stateDir(stateDir).clock(clock).timings(timings).accountId(accountId)
                .region(region).manualClusterSnapshotQuota(manualClusterSnapshotQuota).faultSeed(faultSeed)
                .settleInterval(settleInterval).rdsRateLimit(rdsRateLimit).clusterQuota(clusterQuota);
        eventBuses.forEach(builder::eventBus);
        builder.services = services == null ? null : new LinkedHashSet<>(services);
        return builder;
    }

    public static final class Builder {
        private int port;
        private Path stateDir;
        private SimClock clock = SimClock.manual(TEST_START);
        private Timings timings = Timings.realistic();
        private String accountId = "123456789012";
        private String region = "us-east-1";
        private final List<String> eventBuses = new ArrayList<>();
        private int manualClusterSnapshotQuota = 100;
        private long faultSeed = 20261125L;
        private Duration settleInterval = Duration.ofMillis(250);
        private Set<String> services;
        private RequestRateLimit rdsRateLimit;
        private int clusterQuota = 40;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder clock(SimClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder timings(Timings timings) {
            this.timings = timings;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** A custom event bus that exists from the start. */
        public Builder eventBus(String name) {
            this.eventBuses.add(name);
            return this;
        }

        public Builder manualClusterSnapshotQuota(int quota) {
            this.manualClusterSnapshotQuota = quota;
            return this;
        }

        /** The account's DB clusters quota (RDS's default 40): CreateDBCluster past it answers DBClusterQuotaExceeded. */
        public Builder clusterQuota(int quota) {
            this.clusterQuota = quota;
            return this;
        }

        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        public Builder settleInterval(Duration interval) {
            this.settleInterval = interval;
            return this;
        }

        /**
         * Starts only these built-in services (model names such as {@code ServiceModel.EVENTS}), e.g. so a
         * test can {@link Simulator#register register} its own service under a model without the built-in
         * one claiming that model's saved state first.
         */
        public Builder services(String... modelNames) {
            this.services = new LinkedHashSet<>(List.of(modelNames));
            return this;
        }

        /**
         * Enforces RDS's documented API request rate limit ({@link RequestRateLimit#RDS_DEFAULT}: a burst of 300,
         * 12 requests per second sustained, every RDS operation from one bucket): a request over it is answered
         * {@code Throttling} / {@code Rate exceeded} (HTTP 400) and counted in {@link Faults#rateLimitedCount()}.
         */
        public Builder rdsRateLimits() {
            return rdsRateLimit(RequestRateLimit.RDS_DEFAULT);
        }

        /** Enforces this RDS request rate limit instead of the documented one; null enforces none (the default). */
        public Builder rdsRateLimit(RequestRateLimit limit) {
            this.rdsRateLimit = limit;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(port, stateDir, clock, timings, accountId, region, eventBuses,
                    manualClusterSnapshotQuota, faultSeed, settleInterval, services, rdsRateLimit, clusterQuota);
        }
    }
}

package dev.auroraguard.simulator.rds;

import java.util.Locale;

/** The Aurora engines the simulator models, with RDS's defaults for each. */
enum AuroraEngine {

    POSTGRESQL("aurora-postgresql", "16.6", 5432),
    MYSQL("aurora-mysql", "8.0.mysql_aurora.3.08.2", 3306);

    final String engineName;
    final String defaultVersion;
    final int defaultPort;

    AuroraEngine(String engineName, String defaultVersion, int defaultPort) {
        this.engineName = engineName;
        this.defaultVersion = defaultVersion;
        this.defaultPort = defaultPort;
    }

    static AuroraEngine of(String engine) {
        String name = engine.toLowerCase(Locale.ROOT);
        for (AuroraEngine candidate : values()) {
            if (candidate.engineName.equals(name)) {
                return candidate;
            }
        }
        throw RdsFaults.invalidParameterValue("Invalid DB engine: " + engine
                + " (the simulator models the Aurora engines aurora-postgresql and aurora-mysql).");
    }

    /** {@code default.aurora-postgresql16}, {@code default.aurora-mysql8.0}: the family of the version. */
    String defaultParameterGroup(String version) {
        if (this == POSTGRESQL) {
            int dot = version.indexOf('.');
            return "default.aurora-postgresql" + (dot < 0 ? version : version.substring(0, dot));
        }
        String family = version.startsWith("5.7") ? "5.7" : version.startsWith("8.0") ? "8.0" : version;
        return "default.aurora-mysql" + family;
    }

    /** What RDS lists as a cluster snapshot's LicenseModel for Aurora: the engine name. */
    String licenseModel() {
        return engineName;
    }
}

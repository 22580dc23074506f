package dev.auroraguard.handler;

import dev.auroraguard.config.AwsSettings;
import dev.auroraguard.config.ConfigException;
import dev.auroraguard.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A function's settings and the AWS settings, read together at start-up so that one message names
 * every bad variable of both; the message is also logged as a FATAL line before Lambda's init fails.
 */
record StartupConfig<S>(S settings, AwsSettings aws) {

    static <S> StartupConfig<S> read(Environment environment, StructuredLog log, Function<Environment, S> reader) {
        List<String> problems = new ArrayList<>();
        S settings = null;
        AwsSettings aws = null;
        try {
            settings = reader.apply(environment);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            aws = AwsSettings.fromEnvironment(environment);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            ConfigException failure = new ConfigException(problems);
            log.log(StructuredLog.Level.FATAL, failure.getMessage(), Map.of("action", "start", "reason", "invalid-configuration"));
            throw failure;
        }
        return new StartupConfig<>(settings, aws);
    }
}

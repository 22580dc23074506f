package dev.auroraguard.infra;

import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.json.Json;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The app synthesized the way the CLI does it (through {@link AuroraGuardApp#createStack}), with the
 * cdk-nag packs applied, once per configuration: jsii start-up and synthesis are the slow part of these
 * tests, so every test class of one configuration shares one synthesis.
 */
final class SynthesizedApp {

    /** A configuration using every snapshot and cleanup key, as a user's cdk.json would. */
    static final Map<String, Object> FULL_CONTEXT = fullContext();

    /** Clusters named explicitly, no selection tag, cluster tags copied: the narrowest create permissions. */
    static final Map<String, Object> EXPLICIT_CONTEXT = Map.of(
            "selectionTag", "none",
            "clusters", "orders-db, " + SynthesizedApp.LONG_CLUSTER,
            "copyClusterTags", "true");

    /** A restore alarm configured by ARN (the other of the full configuration by name). */
    static final String FOREIGN_ALARM_ARN = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:billing-db-write-errors";

    /** The alarm ARNs the full configuration's restore-alarm rule and invoke permissions name. */
    static final List<Object> RESTORE_ALARM_ARNS = List.of(
            Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":cloudwatch:",
                    Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":alarm:orders-db-write-errors"))),
            FOREIGN_ALARM_ARN);

    /** Longer than SnapshotNamer's budget for the cluster part: its snapshots carry a shortened name. */
    static final String LONG_CLUSTER = "analytics-warehouse-eu-west-1-primary-cluster-a";

    private static final Map<Map<String, Object>, SynthesizedApp> CACHE = new LinkedHashMap<>();

    final AuroraGuardStack stack;
    final Template template;
    final Map<String, Object> json;
    private final App app;

    private SynthesizedApp(App app, AuroraGuardStack stack) {
        this.app = app;
        this.stack = stack;
        this.template = Template.fromStack(stack);
        this.json = template.toJSON();
    }

    /** The app synthesized with {@code context} (plus stand-in function artifacts), shared by every caller. */
    static synchronized SynthesizedApp with(Map<String, Object> context) {
        return CACHE.computeIfAbsent(context, SynthesizedApp::synthesize);
    }

    static SynthesizedApp full() {
        return with(FULL_CONTEXT);
    }

    static SynthesizedApp explicit() {
        return with(EXPLICIT_CONTEXT);
    }

    /** What a fresh clone deploys: the repository's own cdk.json context. */
    static SynthesizedApp repository() {
        return with(repositoryContext());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> repositoryContext() {
        try {
            Map<String, Object> cdkJson = Json.parseObject(Files.readString(Path.of("..", "cdk.json")));
            return Map.copyOf((Map<String, Object>) cdkJson.get("context"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SynthesizedApp synthesize(Map<String, Object> context) {
        Map<String, Object> withArtifacts = new LinkedHashMap<>(context);
        withArtifacts.putIfAbsent(AuroraGuardSettings.FUNCTION_ARTIFACTS, standInArtifacts().toString());
        App app = new App(AppProps.builder().context(withArtifacts).build());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        Aspects.of(app).add(new ServerlessChecks(NagPackProps.builder().verbose(true).build()));
        return new SynthesizedApp(app, AuroraGuardApp.createStack(app));
    }

    /** cdk-nag's unsuppressed errors on the stack. */
    List<SynthesisMessage> nagErrors() {
        return Annotations.fromStack(stack).findError("*", Match.anyValue());
    }

    List<SynthesisMessage> nagWarnings() {
        return Annotations.fromStack(stack).findWarning("*", Match.anyValue());
    }

    /** Resources of {@code type}, by logical id. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Object>) json.get("Resources")).forEach((id, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (type.equals(r.get("Type"))) {
                found.put(id, r);
            }
        });
        return found;
    }

    /** The cloud assembly's directory: the template and each asset as staged for upload ({@code asset.HASH.jar}). */
    Path assemblyDirectory() {
        return Path.of(app.synth().getDirectory());
    }

    /**
     * A directory standing in for {@code functions/target/functions}: one small jar per function, each with
     * different content (so each is an asset of its own). The tests check the template, not the code, and
     * must not need the functions module's ProGuard build first.
     */
    static synchronized Path standInArtifacts() {
        Path directory = Path.of("target", "test-function-artifacts").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            for (FunctionCatalog function : FunctionCatalog.values()) {
                Path jar = directory.resolve(function.functionName() + ".jar");
                if (!Files.isRegularFile(jar)) {
                    writeStandInJar(jar, function);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** A jar naming {@code function}, written whole or not at all. */
    static void writeStandInJar(Path jar, FunctionCatalog function) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write(("stand-in for functions/target/functions/" + function.functionName() + ".jar in infra tests")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, Object> fullContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("eventBusName", "ops-aurora-guard");
        context.put("clusters", List.of("orders-db", "billing-db"));
        context.put("selectionTag", "backup-tier=gold");
        context.put("copyClusterTags", false);
        context.put("onClusterUnavailable", "skip");
        context.put("quotaWarningShare", 0.9);
        context.put("snapshotSchedules", List.of("cron(0 3 * * ? *)", "cron(0 15 * * ? *)"));
        context.put("snapshotAvailableCheckSchedule", "rate(30 minutes)");
        context.put("snapshotAvailableLookback", "3d");
        context.put("snapshotAvailableGrace", "15m");
        context.put("cleanupSchedule", "cron(30 4 * * ? *)");
        context.put("retentionPolicy", Map.of("timezone", "Europe/Berlin",
                "rules", Map.of("scheduled", Map.of("keepDaily", 7, "keepWeekly", 4, "keepMonthly", 12))));
        context.put("cleanupDryRun", false);
        context.put("cleanupDeletionBudget", 50);
        context.put("cleanupDeletesPerSecond", 0.5);
        context.put("eventBusPutPrincipals", List.of("111122223333"));
        context.put("notificationEmail", "oncall@example.com");
        context.put("logRetentionDays", 30);
        context.put("logLevel", "DEBUG");
        Map<String, Object> restoreAlarms = new LinkedHashMap<>();
        restoreAlarms.put("orders-db-write-errors", "orders-db");
        restoreAlarms.put(FOREIGN_ALARM_ARN, "billing-db");
        context.put("restoreAlarms", restoreAlarms);
        context.put("restoreCooldown", "6h");
        context.put("restoreSafetyMargin", "5m");
        context.put("restoreReaderCount", 1);
        context.put("restoreCutoverParameter", "/aurora-guard/orders-db/endpoint");
        return Map.copyOf(context);
    }
}

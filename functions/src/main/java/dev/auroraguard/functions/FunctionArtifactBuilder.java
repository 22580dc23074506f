package dev.auroraguard.functions;

import dev.auroraguard.handler.AwsService;
import dev.auroraguard.handler.FunctionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * Builds one deployable jar per function from the lambdas module's shaded jar: ProGuard keeps the handler
 * and what it can reach, and the SDK service modules the function does not call ({@link FunctionCatalog#services()})
 * are left out of the input altogether. Then {@link ArtifactCheck} proves the result is self-contained.
 *
 * <p>Why per function: the shared jar carries four SDK service modules (21 MB); a function needs one to
 * three, and of those only the operations it calls. Smaller artifacts load fewer classes at cold start
 * (the SDK client's verification no longer touches every operation's request class). After ProGuard,
 * {@link LambdaDesugaring} replaces the jar's lambda sites with generated classes.
 */
public final class FunctionArtifactBuilder {

    private final Path shadedJar;
    private final Path outputDirectory;
    private final Path workDirectory;
    private final Instant entryTime;
    private Path lazyRegionMetadata;
    private LazyModeledExceptions.Rewrite lazyModeledExceptions;

    public FunctionArtifactBuilder(Path shadedJar, Path outputDirectory, Path workDirectory, Instant entryTime) {
        this.entryTime = entryTime;
        this.shadedJar = shadedJar;
        this.outputDirectory = outputDirectory;
        this.workDirectory = workDirectory;
    }

    /**
     * {@code FunctionArtifactBuilder SHADED_JAR OUTPUT_DIR ENTRY_TIMESTAMP}: what the functions module's build runs
     * (the timestamp is the build's {@code project.build.outputTimestamp}, so the same sources give the same jars).
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FunctionArtifactBuilder SHADED_JAR OUTPUT_DIR ENTRY_TIMESTAMP");
        }
        Path output = Path.of(args[1]);
        FunctionArtifactBuilder builder = new FunctionArtifactBuilder(Path.of(args[0]), output,
                output.resolveSibling("proguard"), Instant.parse(args[2]));
        List<String> lines = new ArrayList<>();
        for (FunctionCatalog function : FunctionCatalog.values()) {
            Path jar = builder.build(function);
            lines.add(String.format("%-22s %,11d bytes  %s", function.functionName(), Files.size(jar),
                    function.services().stream().map(AwsService::sdkModule).collect(Collectors.joining(","))));
        }
        lines.forEach(line -> System.out.println("[function artifact] " + line));
    }

    /** Builds and checks {@code OUTPUT_DIR/NAME.jar}; fails with ProGuard's or the check's message. */
    public Path build(FunctionCatalog function) throws Exception {
        Files.createDirectories(outputDirectory);
        Files.createDirectories(workDirectory);
        Path jar = outputDirectory.resolve(function.functionName() + ".jar");
        Files.deleteIfExists(jar);
        Path rules = workDirectory.resolve(function.functionName() + ".pro");
        Files.writeString(rules, rules(function, jar), StandardCharsets.UTF_8);

        Configuration configuration = new Configuration();
        try (ConfigurationParser parser = new ConfigurationParser(rules.toFile(), new Properties())) {
            parser.parse(configuration);
        }
        new ProGuard(configuration).execute();
        Map<String, byte[]> entries = ReproducibleJar.read(jar);
        Map<String, byte[]> desugared = new LinkedHashMap<>();
        LambdaDesugaring.Result lambdas = LambdaDesugaring.rewrite(entries, desugared);
        entries.putAll(desugared);
        System.out.printf("[function artifact] %s: %d of %d lambda and method reference sites desugared into %d classes;"
                + " left to the metafactory: %s%n", function.functionName(), lambdas.desugared(), lambdas.sites(),
                lambdas.generatedClasses(), lambdas.leftAsIs().isEmpty() ? "none" : new TreeMap<>(lambdas.leftAsIs()));
        ReproducibleJar.write(jar, entries, entryTime);
        ArtifactCheck.verify(function, jar);
        return jar;
    }

    /** The function's ProGuard configuration: the shared rules, its input filter and its entry point. */
    String rules(FunctionCatalog function, Path jar) throws IOException {
        Set<AwsService> leftOut = EnumSet.complementOf(EnumSet.copyOf(function.services()));
        StringBuilder filter = new StringBuilder("!META-INF/versions/**,!META-INF/maven/**,!codegen-resources/**");
        LazyRegionMetadata.REPLACED_ENTRIES.forEach(entry -> filter.append(",!").append(entry));
        StringBuilder replacementsFilter = new StringBuilder("**.class");
        for (String entry : lazyModeledExceptions().entries()) {
            filter.append(",!").append(entry);
        }
        StringBuilder dontWarn = new StringBuilder();
        for (AwsService service : leftOut) {
            filter.append(",!").append(service.classFolder()).append("**");
            replacementsFilter.append(",!").append(service.classFolder()).append("**");
            // Code the function cannot reach may still name these (AwsClients builds every client type);
            // ArtifactCheck fails the build if anything kept refers to them.
            dontWarn.append("-dontwarn software.amazon.awssdk.services.").append(service.sdkModule()).append(".**\n");
        }
        return "# Generated by FunctionArtifactBuilder for " + function.functionName() + "\n"
                + "-injars '" + lazyRegionMetadata().toAbsolutePath() + "'\n"
                + "-injars '" + lazyModeledExceptionsDirectory().toAbsolutePath() + "'(" + replacementsFilter + ")\n"
                + "-injars '" + shadedJar.toAbsolutePath() + "'(" + filter + ")\n"
                + "-outjars '" + jar.toAbsolutePath() + "'\n"
                + "-libraryjars '" + JdkLibrary.jar(workDirectory).toAbsolutePath() + "'\n"
                + "-keep class " + function.handlerClassName() + " { public <init>(); public *** handleRequest(...); }\n"
                + dontWarn
                + commonRules();
    }

    private synchronized Path lazyRegionMetadata() throws IOException {
        if (lazyRegionMetadata == null) {
            try {
                lazyRegionMetadata = LazyRegionMetadata.compile(shadedJar.toString(), workDirectory);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot generate the lazy region metadata providers: " + e, e);
            }
        }
        return lazyRegionMetadata;
    }

    private Path lazyModeledExceptionsDirectory() {
        return workDirectory.resolve("lazy-modeled-exceptions-classes");
    }

    /** The SDK clients rewritten once for every function (see {@link LazyModeledExceptions}). */
    private synchronized LazyModeledExceptions.Rewrite lazyModeledExceptions() throws IOException {
        if (lazyModeledExceptions == null) {
            lazyModeledExceptions = LazyModeledExceptions.rewrite(shadedJar, lazyModeledExceptionsDirectory());
            if (lazyModeledExceptions.references() == 0) {
                throw new IllegalStateException("no modeled exception reference found in the SDK clients of " + shadedJar
                        + ": has the SDK's generated code changed?");
            }
            System.out.println("[function artifact] modeled exceptions made lazy: " + lazyModeledExceptions.references()
                    + " references in " + lazyModeledExceptions.entries().size() + " SDK clients");
        }
        return lazyModeledExceptions;
    }

    private static String commonRules() throws IOException {
        try (InputStream in = FunctionArtifactBuilder.class.getResourceAsStream("common.pro")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("common.pro is missing from the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package dev.auroraguard.infra;

import dev.auroraguard.handler.FunctionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.assets.AssetOptions;

/**
 * The deployable jars, one per function ({@code DIRECTORY/<function name>.jar}), as the {@code functions}
 * module builds them: each shrunk to what its function reaches, with only the SDK service modules it calls.
 * Every function is deployed from its own jar, so a change to one function's code updates only the functions
 * whose jar it changes.
 */
final class FunctionArtifacts {

    /** Set by the infra pom's exec configuration to the directory the same build wrote the jars to. */
    static final String DIRECTORY_PROPERTY = "aurora-guard.function-artifacts";
    /** What writes {@code functions/target/functions/<function name>.jar}. */
    static final String BUILD_COMMAND = "mvn -pl functions -am package -DskipTests";

    private final Path directory;

    private FunctionArtifacts(Path directory) {
        this.directory = directory;
    }

    /**
     * The directory of context {@value AuroraGuardSettings#FUNCTION_ARTIFACTS} if given, else the one the build
     * passes in; never jars committed to git: the {@code cdk.json} app command builds them before synthesizing.
     *
     * @throws InvalidContextException when no directory is configured or any function's jar is missing (one
     *                                 message listing every missing jar and the command that builds them)
     */
    static FunctionArtifacts fromContext(Object contextValue) {
        String configured = contextValue instanceof String text && !text.isBlank() ? text.trim()
                : System.getProperty(DIRECTORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw problem("no function artifacts; run the app through cdk.json (its command builds"
                    + " functions/target/functions/<function>.jar first) or pass -c " + AuroraGuardSettings.FUNCTION_ARTIFACTS
                    + "=path/to/directory (built with: " + BUILD_COMMAND + ")");
        }
        return in(Path.of(configured));
    }

    /** The jars in {@code directory}, every one of which must exist. */
    static FunctionArtifacts in(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isRegularFile(absolute)) {
            throw problem(absolute + " is a file; " + AuroraGuardSettings.FUNCTION_ARTIFACTS + " is the directory holding"
                    + " one jar per function (" + String.join(", ", jarNames(Arrays.asList(FunctionCatalog.values())))
                    + "), built with: " + BUILD_COMMAND);
        }
        FunctionArtifacts artifacts = new FunctionArtifacts(absolute);
        List<FunctionCatalog> missing = Arrays.stream(FunctionCatalog.values())
                .filter(function -> !Files.isRegularFile(artifacts.jar(function)))
                .toList();
        if (!missing.isEmpty()) {
            throw problem(absolute + (Files.isDirectory(absolute) ? "" : " (no such directory)") + " is missing "
                    + missing.size() + " of the " + FunctionCatalog.values().length + " function jars: "
                    + String.join(", ", jarNames(missing)) + "; build them with: " + BUILD_COMMAND);
        }
        return artifacts;
    }

    Path directory() {
        return directory;
    }

    /** {@code DIRECTORY/<function name>.jar}. */
    Path jar(FunctionCatalog function) {
        return directory.resolve(jarName(function));
    }

    /**
     * The function's own jar as a Lambda asset, identified by {@link #contentHash}: a rebuild of unchanged code
     * is the same asset, so a deployment uploads nothing and publishes no new version for it.
     */
    Code code(FunctionCatalog function) {
        Path jar = jar(function);
        return Code.fromAsset(jar.toString(), AssetOptions.builder()
                .assetHashType(AssetHashType.CUSTOM)
                .assetHash(contentHash(jar))
                .build());
    }

    /**
     * A SHA-256 of what Lambda runs: each entry's name and bytes, by name. Not of the file: ProGuard stamps
     * every entry with the build's time, so the bytes of the file change on every build of the same code.
     */
    static String contentHash(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("aurora-guard function jar entries v1\n".getBytes(StandardCharsets.UTF_8));
            List<? extends ZipEntry> entries = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
                digest.update(name);
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] content = in.readAllBytes();
                    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
                    digest.update(content);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function artifact " + jar + " (not a jar?)", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String jarName(FunctionCatalog function) {
        return function.functionName() + ".jar";
    }

    private static List<String> jarNames(List<FunctionCatalog> functions) {
        return functions.stream().map(FunctionArtifacts::jarName).collect(Collectors.toList());
    }

    private static InvalidContextException problem(String message) {
        return new InvalidContextException(List.of("context " + AuroraGuardSettings.FUNCTION_ARTIFACTS + ": " + message));
    }
}

package dev.auroraguard.functions;

import dev.auroraguard.handler.AwsService;
import dev.auroraguard.handler.FunctionCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;

/**
 * What a function artifact must be before it may be deployed: within the size bound, holding its
 * handler, none of the SDK service modules the function does not call, and no reference to a class that
 * is neither in the jar nor in the JDK (found with {@code jdeps --missing-deps}), apart from the SDK's
 * optional CRT and SLF4J-binding integrations, which the SDK only loads when present.
 */
public final class ArtifactCheck {

    /** Issue #8's bound on each deployed function's artifact. */
    public static final long MAX_BYTES = 10_000_000;

    static final List<String> OPTIONAL_PACKAGES = List.of("software.amazon.awssdk.crt.", "software.amazon.awssdk.crtcore.",
            "org.slf4j.impl.");

    private ArtifactCheck() {
    }

    /** Throws {@link IllegalStateException} naming every problem. */
    public static void verify(FunctionCatalog function, Path jar) throws IOException {
        List<String> problems = new ArrayList<>(problems(function, jar));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(function.functionName() + " artifact " + jar + " is not deployable:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    static List<String> problems(FunctionCatalog function, Path jar) throws IOException {
        List<String> problems = new ArrayList<>();
        long size = Files.size(jar);
        if (size > MAX_BYTES) {
            problems.add(String.format("%,d bytes, over the %,d-byte bound", size, MAX_BYTES));
        }
        EnumSet<AwsService> leftOut = EnumSet.complementOf(EnumSet.copyOf(function.services()));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String handler = function.handlerClassName().replace('.', '/') + ".class";
            if (zip.getEntry(handler) == null) {
                problems.add("the handler " + handler + " is missing");
            }
            zip.stream().map(entry -> entry.getName())
                    .filter(name -> leftOut.stream().anyMatch(service -> name.startsWith(service.classFolder())))
                    .findFirst()
                    .ifPresent(name -> problems.add("holds " + name + " from an SDK module the function does not call"));
        }
        problems.addAll(missingReferences(jar));
        return problems;
    }

    /** References from the jar's classes to classes found neither in the jar nor in the JDK. */
    static List<String> missingReferences(Path jar) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is missing: build with a JDK, not a JRE"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--missing-deps", "--multi-release",
                String.valueOf(Runtime.version().feature()), jar.toString());
        if (exit != 0) {
            throw new IllegalStateException("jdeps failed on " + jar + ": " + err);
        }
        List<String> missing = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            // The class-level lines are indented; the first line is the jar's own summary.
            if (!line.startsWith(" ") || !line.contains("not found") || !line.contains("->")) {
                continue;
            }
            String target = line.substring(line.indexOf("->") + 2).trim().split("\\s+")[0];
            if (OPTIONAL_PACKAGES.stream().noneMatch(target::startsWith)) {
                missing.add("refers to the missing class " + target + " (" + line.trim().split("\\s+")[0] + ")");
            }
        }
        return missing;
    }
}

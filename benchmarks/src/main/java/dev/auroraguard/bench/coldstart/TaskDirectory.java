package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.sdk.SdkCallTimer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An artifact unpacked the way Lambda unpacks a deployment package into {@code /var/task}: classes are then
 * loaded from a directory, not from inside a jar.
 */
final class TaskDirectory {

    private TaskDirectory() {
    }

    static Path unpack(Path jar, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the task directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }

    /**
     * Adds the SDK call timer to a probe directory: its package, and the SDK's global-interceptor file naming it, so
     * that every SDK client the function builds times its calls (the bench's {@code --sdk-split}).
     */
    static Path sdkCallTimer(Path probeDirectory) throws IOException, URISyntaxException {
        probeClasses(SdkCallTimer.class, probeDirectory);
        Path interceptors = probeDirectory.resolve(SdkCallTimer.INTERCEPTORS);
        Files.createDirectories(interceptors.getParent());
        Files.writeString(interceptors, SdkCallTimer.class.getName() + "\n", StandardCharsets.UTF_8);
        return probeDirectory;
    }

    /** Copies the package of {@code probe} (and nothing else of the benchmark) into {@code into}, from a jar or a directory. */
    static Path probeClasses(Class<?> probe, Path into) throws IOException, URISyntaxException {
        String folder = probe.getPackageName().replace('.', '/') + "/";
        Path source = Path.of(probe.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Path target = into.resolve(folder).resolve(file.getFileName().toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return into;
        }
        try (ZipFile jar = new ZipFile(source.toFile())) {
            for (ZipEntry entry : jar.stream().filter(e -> e.getName().startsWith(folder) && e.getName().endsWith(".class")
                    && e.getName().indexOf('/', folder.length()) < 0).toList()) {
                Path target = into.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }
}

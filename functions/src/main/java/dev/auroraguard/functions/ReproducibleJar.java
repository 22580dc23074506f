package dev.auroraguard.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar with every entry stamped with one fixed time: ProGuard stamps entries with the build
 * time, and a jar that changes with every build would make every deployment publish new function versions.
 */
final class ReproducibleJar {

    private ReproducibleJar() {
    }

    static void normalize(Path jar, Instant entryTime) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(entryTime, ZoneOffset.UTC);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".normalized");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(9);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}

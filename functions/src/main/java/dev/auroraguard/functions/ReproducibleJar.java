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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads a jar's entries and writes them back with every entry stamped with one fixed time: ProGuard stamps entries
 * with the build time, and a jar that changes with every build would make every deployment publish new function
 * versions.
 */
final class ReproducibleJar {

    private ReproducibleJar() {
    }

    /** The jar's entries in their order, by name. */
    static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Replaces {@code jar} with {@code entries}, in their order, each stamped with {@code entryTime}. */
    static void write(Path jar, Map<String, byte[]> entries, Instant entryTime) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(entryTime, ZoneOffset.UTC);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".normalized");
        try (OutputStream file = Files.newOutputStream(rewritten); ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(9);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry copy = new ZipEntry(entry.getKey());
                copy.setTimeLocal(time);
                out.putNextEntry(copy);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}

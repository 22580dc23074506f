package dev.auroraguard.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The JDK classes ProGuard resolves references against, copied out of the running JDK's {@code jrt:/}
 * image into one jar. Works on any JDK 17+, with or without {@code jmods/} (Debian ships those in a
 * separate package).
 */
final class JdkLibrary {

    /** The modules the SDK and aurora-guard refer to; a missing one shows up as a ProGuard warning. */
    static final List<String> MODULES = List.of("java.base", "java.xml", "java.logging", "java.naming",
            "java.net.http", "java.sql", "java.management", "java.desktop", "java.security.jgss", "jdk.crypto.ec",
            "java.prefs", "java.datatransfer", "java.transaction.xa", "jdk.unsupported");

    private JdkLibrary() {
    }

    /** {@code DIR/jdk-library.jar}, written once per JDK (its version is part of the name). */
    static synchronized Path jar(Path directory) throws IOException {
        Path jar = directory.resolve("jdk-" + Runtime.version().feature() + "-" + Runtime.version().update() + "-library.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path partial = directory.resolve(jar.getFileName() + ".partial");
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(0);
            for (String module : MODULES) {
                Path root = jrt.getPath("/modules", module);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> classes = Files.walk(root)) {
                    for (Path path : (Iterable<Path>) classes.filter(p -> p.toString().endsWith(".class")
                            && !p.getFileName().toString().equals("module-info.class"))::iterator) {
                        zip.putNextEntry(new ZipEntry(root.relativize(path).toString()));
                        zip.write(Files.readAllBytes(path));
                        zip.closeEntry();
                    }
                }
            }
        }
        Files.move(partial, jar);
        return jar;
    }
}

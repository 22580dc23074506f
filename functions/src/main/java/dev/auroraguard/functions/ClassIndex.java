package dev.auroraguard.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes a rewrite can see: a jar's, then the JDK's (the platform class loader). Only what access
 * checks need: each class's access, supertypes and declared methods.
 */
final class ClassIndex {

    /** A method as declared: its declaring class and access flags. */
    record Member(String owner, int access) {
    }

    private record ClassInfo(int access, String superName, String[] interfaces, Map<String, Integer> methods) {
    }

    private final Map<String, byte[]> entries;
    private final Map<String, Optional<ClassInfo>> cache = new HashMap<>();

    ClassIndex(Map<String, byte[]> entriesByName) {
        this.entries = entriesByName;
    }

    boolean contains(String internalName) {
        return entries.containsKey(internalName + ".class");
    }

    /** The class's access flags, or null if it is neither in the jar nor in the JDK. */
    Integer classAccess(String internalName) {
        return info(internalName).map(ClassInfo::access).orElse(null);
    }

    /** The method as resolution finds it (the class, its superclasses, then its superinterfaces), or null. */
    Member findMethod(String owner, String name, String descriptor) {
        String key = name + descriptor;
        for (String type = owner; type != null; ) {
            Optional<ClassInfo> info = info(type);
            if (info.isEmpty()) {
                return null;
            }
            Integer access = info.get().methods.get(key);
            if (access != null) {
                return new Member(type, access);
            }
            type = info.get().superName;
        }
        Deque<String> interfaces = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (String type = owner; type != null; type = info(type).map(ClassInfo::superName).orElse(null)) {
            info(type).ifPresent(i -> interfaces.addAll(java.util.List.of(i.interfaces)));
        }
        while (!interfaces.isEmpty()) {
            String type = interfaces.removeFirst();
            if (!seen.add(type)) {
                continue;
            }
            Optional<ClassInfo> info = info(type);
            if (info.isEmpty()) {
                return null;
            }
            Integer access = info.get().methods.get(key);
            if (access != null && (access & Opcodes.ACC_STATIC) == 0) {
                return new Member(type, access);
            }
            interfaces.addAll(java.util.List.of(info.get().interfaces));
        }
        return null;
    }

    private Optional<ClassInfo> info(String internalName) {
        return cache.computeIfAbsent(internalName, this::load);
    }

    private Optional<ClassInfo> load(String internalName) {
        byte[] bytes = entries.get(internalName + ".class");
        if (bytes == null) {
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
                if (in == null) {
                    return Optional.empty();
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Integer> methods = new HashMap<>();
        ClassReader reader = new ClassReader(bytes);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return Optional.of(new ClassInfo(reader.getAccess(), reader.getSuperName(), reader.getInterfaces(), methods));
    }
}

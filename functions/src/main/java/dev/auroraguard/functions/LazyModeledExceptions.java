package dev.auroraguard.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the SDK clients in the function artifacts so that modeled exceptions are loaded when AWS
 * answers with them rather than when the client is built: every {@code XException::builder} method
 * reference handed to {@code ExceptionMetadata.Builder.exceptionBuilderSupplier} becomes
 * {@code LazyExceptionBuilders.supplier("...XException")} (see that class). Nothing else changes; the
 * stack effect is the same (a {@code Supplier} on the stack), and ProGuard recomputes the stack maps.
 */
final class LazyModeledExceptions {

    /** The SDK's generated clients, e.g. software/amazon/awssdk/services/rds/DefaultRdsClient.class. */
    static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/Default[A-Za-z0-9]+Client\\.class");
    static final Pattern MODELED_EXCEPTION = Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/model/[A-Za-z0-9]+Exception");
    static final String RUNTIME = "dev/auroraguard/aws/LazyExceptionBuilders";

    /** What was rewritten: the classes (jar entry names) and how many references. */
    record Rewrite(List<String> entries, int references) {
    }

    private LazyModeledExceptions() {
    }

    /** Writes the rewritten clients of {@code jar} under {@code into} (as class files at their entry paths). */
    static Rewrite rewrite(Path jar, Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int references = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> CLIENT.matcher(e.getName()).matches()).toList()) {
                byte[] original;
                try (InputStream in = zip.getInputStream(entry)) {
                    original = in.readAllBytes();
                }
                Counter counter = new Counter();
                byte[] rewritten = rewrite(original, counter);
                if (counter.count == 0) {
                    continue;
                }
                Path target = into.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, rewritten);
                entries.add(entry.getName());
                references += counter.count;
            }
        }
        return new Rewrite(entries, references);
    }

    static byte[] rewrite(byte[] classFile, Counter counter) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
                        String exception = modeledExceptionBuilder(indyName, indyDescriptor, bootstrap, arguments);
                        if (exception == null) {
                            super.visitInvokeDynamicInsn(indyName, indyDescriptor, bootstrap, arguments);
                            return;
                        }
                        counter.count++;
                        super.visitLdcInsn(exception.replace('/', '.'));
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "supplier",
                                "(Ljava/lang/String;)Ljava/util/function/Supplier;", false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The exception class if this is {@code XException::builder} as a {@code Supplier}, else null. */
    static String modeledExceptionBuilder(String name, String descriptor, Handle bootstrap, Object[] arguments) {
        if (!"get".equals(name) || !"()Ljava/util/function/Supplier;".equals(descriptor)
                || !"java/lang/invoke/LambdaMetafactory".equals(bootstrap.getOwner()) || arguments.length < 2
                || !(arguments[1] instanceof Handle implementation)) {
            return null;
        }
        boolean builder = implementation.getTag() == Opcodes.H_INVOKESTATIC && "builder".equals(implementation.getName())
                && implementation.getDesc().startsWith("()L") && MODELED_EXCEPTION.matcher(implementation.getOwner()).matches();
        return builder ? implementation.getOwner() : null;
    }

    /** References rewritten in one class. */
    static final class Counter {
        int count;
    }
}

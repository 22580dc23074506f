package dev.auroraguard.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

class LambdaDesugaringTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "javac --release {0}")
    @ValueSource(strings = {"8", "17"})
    void rewrite_should_behave_as_the_metafactory_when_run_on_every_lambda_shape(String release) throws Exception {
        // GIVEN the samples compiled by javac, and the same classes desugared
        Map<String, byte[]> original = compileSamples(release);
        Map<String, byte[]> changed = new LinkedHashMap<>();
        LambdaDesugaring.Result result = LambdaDesugaring.rewrite(original, changed);
        Map<String, byte[]> desugared = new LinkedHashMap<>(original);
        desugared.putAll(changed);

        // WHEN both run
        Run before = run(original);
        Run after = run(desugared);

        // THEN they print the same, and only the sites the rewrite cannot reproduce still spin hidden classes
        assertThat(after.transcript).isEqualTo(before.transcript);
        assertThat(before.transcript).contains("static:a|4|BOUND|rotc|0|3|hidden5|5|9.0|11|8|7|false|1099511627776|2.5|5|12")
                .contains("derived:D/base:D|base:Base|true|false|serializable|secret40|Derived");
        assertThat(before.hidden).containsOnly(true);
        assertThat(after.hidden).hasSize(before.hidden.size());
        assertThat(after.hidden.stream().filter(hidden -> hidden).count()).isEqualTo(2); // the serializable one, this::secret
        // The serializable lambda's site, and its twin in the $deserializeLambda$ method javac writes for it.
        assertThat(result.leftAsIs()).isEqualTo(Map.of(
                "altMetafactory (serializable, marker interfaces or bridges)", 2,
                "private instance method reference", 1));
        assertThat(result.desugared()).isEqualTo(result.sites() - 3).isEqualTo(30);
        assertThat(result.generatedClasses()).isLessThan(result.desugared() / 2);
    }

    @ParameterizedTest(name = "javac --release {0}")
    @ValueSource(strings = {"8", "17"})
    void rewrite_should_write_classes_that_pass_bytecode_verification_when_loaded_with_their_hosts(String release)
            throws Exception {
        // GIVEN the desugared samples
        Map<String, byte[]> original = compileSamples(release);
        Map<String, byte[]> changed = new LinkedHashMap<>();
        LambdaDesugaring.rewrite(original, changed);
        Map<String, byte[]> desugared = new LinkedHashMap<>(original);
        desugared.putAll(changed);
        ClassLoader loader = new MapClassLoader(desugared);

        // WHEN ASM's verifier checks every generated and rewritten class against the others
        StringWriter problems = new StringWriter();
        for (byte[] classFile : changed.values()) {
            CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(problems));
        }

        // THEN it finds nothing, and the generated classes are in the hosts' package
        assertThat(problems.toString()).isEmpty();
        assertThat(changed.keySet()).anyMatch(name -> name.startsWith("sample/" + LambdaDesugaring.GENERATED_NAME))
                .allMatch(name -> name.startsWith("sample/"));
    }

    @org.junit.jupiter.api.Test
    void rewrite_should_generate_verifiable_classes_when_given_the_sdk_modules_a_function_carries() throws Exception {
        // GIVEN the classes of the SDK jars on this class path (the RDS and EventBridge modules and the core they use)
        Map<String, byte[]> sdk = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("software/amazon/awssdk") && entry.endsWith(".jar")) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry)) {
                    for (java.util.zip.ZipEntry e : java.util.Collections.list(jar.entries())) {
                        // Not the optional CRT integrations: their dependencies are not on this class path (nor in the artifacts).
                        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/") && !e.getName().contains("crt")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                sdk.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        }

        // WHEN they are desugared
        Map<String, byte[]> changed = new LinkedHashMap<>();
        LambdaDesugaring.Result result = LambdaDesugaring.rewrite(sdk, changed);

        // THEN nearly every site is rewritten, and ASM's verifier accepts every generated class against the SDK's types,
        // and no dispatch method is too large for the JIT to compile (the model classes' getters and setters are ~20
        // bytes of dispatch each: a thousand of them in one method would stay interpreted)
        assertThat(result.desugared()).isGreaterThan(result.sites() * 9 / 10).isGreaterThan(10_000);
        Map<String, Integer> tooLong = new java.util.TreeMap<>();
        changed.forEach((name, classFile) -> {
            int longest = name.contains("/" + LambdaDesugaring.GENERATED_NAME) ? longestInstanceMethod(classFile) : 0;
            if (longest > LambdaDesugaring.HUGE_METHOD_LIMIT) {
                tooLong.put(name, longest);
            }
        });
        assertThat(tooLong).as("generated classes whose dispatch method the JIT would never compile (bytes)").isEmpty();
        // (the verifier only needs the types the generated code names; the rewrite changes no type's supertypes)
        ClassLoader loader = getClass().getClassLoader();
        StringWriter problems = new StringWriter();
        int generated = 0;
        for (Map.Entry<String, byte[]> entry : changed.entrySet()) {
            if (entry.getKey().contains("/" + LambdaDesugaring.GENERATED_NAME)) {
                CheckClassAdapter.verify(new ClassReader(entry.getValue()), loader, false, new PrintWriter(problems));
                generated++;
            }
        }
        assertThat(generated).isEqualTo(result.generatedClasses());
        assertThat(problems.toString()).isEmpty();
    }

    /** The longest code, in bytes, of the class's instance methods (rewritten through ASM's writer to measure it). */
    private static int longestInstanceMethod(byte[] classFile) {
        int[] longest = {0};
        org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
        new ClassReader(classFile).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, writer) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                               String[] exceptions) {
                org.objectweb.asm.MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0) {
                    return method; // the static initialiser and factories run once per site
                }
                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9, method) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        org.objectweb.asm.Label end = new org.objectweb.asm.Label();
                        super.visitLabel(end);
                        longest[0] = Math.max(longest[0], end.getOffset());
                        super.visitMaxs(maxStack, maxLocals);
                    }
                };
            }
        }, 0);
        return longest[0];
    }

    /** What the samples printed, and whether each functional object's class was a hidden (spun) class. */
    private record Run(String transcript, List<Boolean> hidden) {
    }

    @SuppressWarnings("unchecked")
    private static Run run(Map<String, byte[]> classes) throws Exception {
        Class<?> samples = new MapClassLoader(classes).loadClass("sample.Samples");
        Object instance = samples.getConstructor().newInstance();
        String transcript = ((Supplier<String>) instance).get();
        List<Object> functions = (List<Object>) samples.getMethod("functions").invoke(instance);
        return new Run(transcript, functions.stream().map(function -> function.getClass().isHidden()).toList());
    }

    private Map<String, byte[]> compileSamples(String release) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src-" + release + "/sample"));
        Path classes = Files.createDirectories(work.resolve("classes-" + release));
        try (InputStream in = getClass().getResourceAsStream("desugaring/Samples.java.txt")) {
            Files.writeString(sources.resolve("Samples.java"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter output = new StringWriter();
        int status = javac.getTask(output, null, null, List.of("--release", release, "-Xlint:-options", "-d", classes.toString()),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(sources.resolve("Samples.java"))).call() ? 0 : 1;
        assertThat(status).as(output.toString()).isZero();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    /** Defines classes from entry bytes, like a jar on a class path; the JVM verifies them as it would a jar's. */
    static final class MapClassLoader extends ClassLoader {
        private final Map<String, byte[]> entries;
        private final Map<String, Class<?>> defined = new HashMap<>();

        MapClassLoader(Map<String, byte[]> entries) {
            super(ClassLoader.getPlatformClassLoader());
            this.entries = entries;
        }

        @Override
        protected synchronized Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> existing = defined.get(name);
            if (existing != null) {
                return existing;
            }
            byte[] bytes = entries.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            Class<?> type = defineClass(name, bytes, 0, bytes.length);
            defined.put(name, type);
            return type;
        }
    }
}

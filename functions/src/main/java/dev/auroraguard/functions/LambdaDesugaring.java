package dev.auroraguard.functions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Replaces the lambdas and method references of a function artifact with classes generated at build time.
 *
 * <p>Why: every {@code invokedynamic} bound to {@code LambdaMetafactory} spins a hidden class at run time
 * the first time it runs. A cold start of a function runs about 950 of them (the SDK's model classes alone
 * describe each field with a getter and a setter method reference: 186 for {@code DBCluster}), and with
 * Lambda's flags the spinning code runs interpreted. Here the sites of one package that implement the same
 * interface method share a generated class that dispatches on a site number: one class load, mostly native
 * work, replaces hundreds of spins, and few classes keep the artifact small.
 *
 * <p>What the generated code does is what the metafactory's class would do: non-capturing sites yield one
 * instance per site (a static field), capturing sites a new instance per evaluation; arguments and results
 * are cast, boxed, unboxed and widened as {@code LambdaMetafactory} adapts them. The generated class is in the
 * host's package, so it reaches what the host's package reaches; javac's private lambda bodies it calls are
 * made package-private (public in an interface) and renamed with their host's name, so that no widened
 * method can override or collide with another class's. Sites it cannot reproduce exactly are left as they
 * are, with the reason counted: {@code altMetafactory} (serializable lambdas, marker interfaces, bridges),
 * {@code super::} references, private members other than javac's lambda bodies and static methods, and
 * members or types the host's package cannot reach directly.
 */
final class LambdaDesugaring {

    static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");
    static final String GENERATED_NAME = "AgLambdas$";
    /** Sites per generated class at most: keeps its dispatch method well inside the JVM's 64 KB per method. */
    static final int SITES_PER_CLASS = 1000;
    /**
     * The largest dispatch method HotSpot compiles ({@code -XX:HugeMethodLimit}, with {@code DontCompileHugeMethods} on
     * by default): a larger one stays interpreted for the life of the container, and the SDK's model getters and
     * setters, called for every field of every request and response, would run through it. Groups over it are split.
     */
    static final int HUGE_METHOD_LIMIT = 8_000;

    /** What the rewrite did to one jar. */
    record Result(int sites, int desugared, int generatedClasses, Map<String, Integer> leftAsIs) {
    }

    private final ClassIndex index;
    private final Map<String, Integer> leftAsIs = new TreeMap<>();
    private int sites;
    private int desugared;

    private LambdaDesugaring(ClassIndex index) {
        this.index = index;
    }

    /** Rewrites the classes among {@code entries} (by jar entry name); puts new and changed entries into {@code into}. */
    static Result rewrite(Map<String, byte[]> entries, Map<String, byte[]> into) {
        LambdaDesugaring desugaring = new LambdaDesugaring(new ClassIndex(entries));
        Map<String, Host> hosts = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith(".class") && !entry.getKey().startsWith("META-INF/")) {
                Host host = desugaring.plan(new ClassReader(entry.getValue()));
                if (!host.replacements.isEmpty()) {
                    hosts.put(host.name, host);
                }
            }
        }
        // Group the planned sites by package and interface method, in a stable order (reproducible jars).
        Map<String, List<Planned>> byShape = new TreeMap<>();
        for (Host host : hosts.values()) {
            for (Planned planned : host.planned) {
                byShape.computeIfAbsent(packageOf(host.name) + " " + planned.site.interfaceType().getInternalName() + " "
                        + planned.site.name + planned.site.samType.getDescriptor(), k -> new ArrayList<>()).add(planned);
            }
        }
        Map<String, Integer> classesPerPackage = new HashMap<>();
        int generated = 0;
        for (List<Planned> shape : byShape.values()) {
            Deque<List<Planned>> pending = new ArrayDeque<>();
            for (int from = 0; from < shape.size(); from += SITES_PER_CLASS) {
                pending.addLast(shape.subList(from, Math.min(shape.size(), from + SITES_PER_CLASS)));
            }
            while (!pending.isEmpty()) {
                List<Planned> chunk = pending.removeFirst();
                String pkg = packageOf(chunk.get(0).site.host);
                // The code's size does not depend on the class's name: measure under a stand-in name, halve until it fits.
                String standIn = (pkg.isEmpty() ? "" : pkg + "/") + GENERATED_NAME + "measure";
                if (chunk.size() > 1 && desugaring.generate(standIn, chunk).dispatchBytes() > HUGE_METHOD_LIMIT) {
                    pending.addFirst(chunk.subList(chunk.size() / 2, chunk.size()));
                    pending.addFirst(chunk.subList(0, chunk.size() / 2));
                    continue;
                }
                String className;
                do {
                    int number = classesPerPackage.merge(pkg, 1, Integer::sum) - 1;
                    className = (pkg.isEmpty() ? "" : pkg + "/") + GENERATED_NAME + number;
                } while (desugaring.index.contains(className));
                for (int number = 0; number < chunk.size(); number++) {
                    Planned planned = chunk.get(number);
                    hosts.get(planned.site.host).replacements.put(planned.site.ordinal, new Replacement(className, number, planned.site));
                }
                into.put(className + ".class", desugaring.generate(className, chunk).bytes());
                generated++;
            }
        }
        for (Host host : hosts.values()) {
            into.put(host.name + ".class", rewriteHost(host));
        }
        return new Result(desugaring.sites, desugaring.desugared, generated, Map.copyOf(desugaring.leftAsIs));
    }

    // ---- one host class ----

    /** A class with metafactory sites: what becomes of them and of the private methods they call. */
    private static final class Host {
        final String name;
        final ClassReader reader;
        final List<Planned> planned = new ArrayList<>();
        final Map<Integer, Replacement> replacements = new HashMap<>();
        final Map<String, String> renamed = new HashMap<>(); // name+desc of a host method -> its new name
        final Map<String, Integer> widened = new HashMap<>(); // name+desc -> its new access

        Host(ClassReader reader) {
            this.reader = reader;
            this.name = reader.getClassName();
        }
    }

    private record Planned(Site site, Call call) {
    }

    private Host plan(ClassReader reader) {
        Host host = new Host(reader);
        boolean hostIsInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        for (Site site : collectSites(reader, host.name)) {
            sites++;
            String reason = site.unsupportedBootstrap();
            Call call = null;
            if (reason == null) {
                try {
                    call = plan(site, host.name, hostIsInterface);
                    generateBody(call, site, new MethodVisitor(Opcodes.ASM9) { }, site.host, site.captured());
                } catch (NotDesugarable e) {
                    reason = e.getMessage();
                }
            }
            if (reason != null) {
                leftAsIs.merge(reason, 1, Integer::sum);
                continue;
            }
            desugared++;
            if (call.hostMethodChange != null) {
                host.renamed.put(call.hostMethodChange.key(), call.hostMethodChange.newName);
                host.widened.put(call.hostMethodChange.key(), call.hostMethodChange.newAccess);
            }
            host.planned.add(new Planned(site, call));
            // The replacement's class and number are known once every host is planned; mark the site meanwhile.
            host.replacements.put(site.ordinal, null);
        }
        return host;
    }

    private static List<Site> collectSites(ClassReader reader, String host) {
        List<Site> found = new ArrayList<>();
        int[] ordinal = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... args) {
                        int number = ordinal[0]++;
                        if (METAFACTORY.equals(bootstrap.getOwner())) {
                            found.add(new Site(host, number, indyName, indyDescriptor, bootstrap, args));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    private static byte[] rewriteHost(Host planned) {
        ClassReader reader = planned.reader;
        String host = planned.name;
        Map<Integer, Replacement> replacements = planned.replacements;
        Map<String, String> renamed = planned.renamed;
        Map<String, Integer> widened = planned.widened;
        ClassWriter writer = new ClassWriter(reader, 0);
        int[] ordinal = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                String key = name + descriptor;
                MethodVisitor target = super.visitMethod(widened.getOrDefault(key, access), renamed.getOrDefault(key, name),
                        descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, target) {
                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... args) {
                        Replacement replacement = replacements.get(ordinal[0]++);
                        if (replacement == null) {
                            Object[] renamedArgs = args.clone();
                            for (int i = 0; i < renamedArgs.length; i++) {
                                if (renamedArgs[i] instanceof Handle handle && host.equals(handle.getOwner())
                                        && renamed.containsKey(handle.getName() + handle.getDesc())) {
                                    renamedArgs[i] = new Handle(handle.getTag(), host, renamed.get(handle.getName() + handle.getDesc()),
                                            handle.getDesc(), handle.isInterface());
                                }
                            }
                            super.visitInvokeDynamicInsn(indyName, indyDescriptor, bootstrap, renamedArgs);
                            return;
                        }
                        // Same stack effect as the invokedynamic: the captured values in, the functional interface out.
                        Type iface = replacement.site.interfaceType();
                        if (replacement.site.captured().length == 0) {
                            super.visitFieldInsn(Opcodes.GETSTATIC, replacement.className, "S" + replacement.number,
                                    iface.getDescriptor());
                        } else {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, replacement.className, "s" + replacement.number,
                                    indyDescriptor, false);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        String newName = host.equals(owner) ? renamed.getOrDefault(name + descriptor, name) : name;
                        super.visitMethodInsn(opcode, owner, newName, descriptor, isInterface);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    // ---- planning one site ----

    /** How a generated class calls a site's implementation. */
    private static final class Call {
        Handle implementation;
        int opcode;
        boolean isInterface;
        String name;
        boolean constructs;
        Type receiver; // null for static methods and constructors
        HostMethodChange hostMethodChange;
    }

    /** A private host method the generated class must reach. */
    private record HostMethodChange(String name, String descriptor, String newName, int newAccess) {
        String key() {
            return name + descriptor;
        }
    }

    private Call plan(Site site, String host, boolean hostIsInterface) {
        Handle impl = site.implementation;
        Call call = new Call();
        call.implementation = impl;
        call.name = impl.getName();
        call.isInterface = impl.isInterface();
        String hostPackage = packageOf(host);
        requireAccessible(site.interfaceType().getInternalName(), hostPackage);
        requireAccessible(impl.getOwner(), hostPackage);
        ClassIndex.Member member = index.findMethod(impl.getOwner(), impl.getName(), impl.getDesc());
        if (member == null) {
            throw new NotDesugarable("member not found");
        }
        boolean isPrivate = (member.access() & Opcodes.ACC_PRIVATE) != 0;
        if (isPrivate) {
            if (!member.owner().equals(host)) {
                throw new NotDesugarable("private member of another class");
            }
            boolean isStatic = (member.access() & Opcodes.ACC_STATIC) != 0;
            boolean synthetic = (member.access() & Opcodes.ACC_SYNTHETIC) != 0;
            if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                throw new NotDesugarable("private constructor");
            }
            if (!isStatic && !synthetic) {
                throw new NotDesugarable("private instance method reference");
            }
            int access = member.access() & ~Opcodes.ACC_PRIVATE;
            if (hostIsInterface) {
                access |= Opcodes.ACC_PUBLIC;
            }
            // A widened instance method must not override or be overridden by a subclass's lambda body of the same name.
            String newName = synthetic ? impl.getName() + "$" + simpleName(host) : impl.getName();
            call.hostMethodChange = new HostMethodChange(impl.getName(), impl.getDesc(), newName, access);
            call.name = newName;
        } else if (!memberAccessible(member, hostPackage)) {
            throw new NotDesugarable("member not accessible from the host's package");
        }
        switch (impl.getTag()) {
            case Opcodes.H_INVOKESTATIC -> call.opcode = Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE, Opcodes.H_INVOKESPECIAL -> {
                if (impl.getTag() == Opcodes.H_INVOKESPECIAL && !isPrivate) {
                    throw new NotDesugarable("super:: method reference");
                }
                boolean onInterface = impl.getTag() == Opcodes.H_INVOKEINTERFACE || (isPrivate && hostIsInterface);
                call.opcode = onInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
                call.isInterface = onInterface;
                call.receiver = Type.getObjectType(impl.getOwner());
            }
            case Opcodes.H_NEWINVOKESPECIAL -> {
                call.opcode = Opcodes.INVOKESPECIAL;
                call.constructs = true;
            }
            default -> throw new NotDesugarable("method handle kind " + impl.getTag());
        }
        return call;
    }

    private void requireAccessible(String internalName, String fromPackage) {
        Type type = internalName.startsWith("[") ? Type.getType(internalName) : Type.getObjectType(internalName);
        if (type.getSort() == Type.ARRAY) {
            type = type.getElementType();
        }
        if (type.getSort() != Type.OBJECT) {
            return;
        }
        Integer access = index.classAccess(type.getInternalName());
        if (access == null) {
            throw new NotDesugarable("class not found");
        }
        if ((access & Opcodes.ACC_PUBLIC) == 0 && !packageOf(type.getInternalName()).equals(fromPackage)) {
            throw new NotDesugarable("type not accessible from the host's package");
        }
    }

    private static boolean memberAccessible(ClassIndex.Member member, String fromPackage) {
        if ((member.access() & Opcodes.ACC_PUBLIC) != 0) {
            return true;
        }
        // Protected and package access both need the same package: the generated class is no subclass.
        return packageOf(member.owner()).equals(fromPackage);
    }

    // ---- generating the class of one group ----

    /** A generated class, and the size of its dispatch method's code in bytes. */
    private record Generated(byte[] bytes, int dispatchBytes) {
    }

    private Generated generate(String className, List<Planned> chunk) {
        Site shape = chunk.get(0).site;
        Type iface = shape.interfaceType();
        int captures = chunk.stream().mapToInt(planned -> planned.site.captured().length).max().orElse(0);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // No two paths of a generated method meet with different types; never load classes to find out.
                return "java/lang/Object";
            }
        };
        writer.visit(Opcodes.V1_8, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, className, null,
                "java/lang/Object", new String[] {iface.getInternalName()});
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "site", "I", null, null).visitEnd();
        // Captured values are held as Object (primitives boxed), so sites capturing different types share a class.
        Type[] constructorArgs = new Type[captures + 1];
        constructorArgs[0] = Type.INT_TYPE;
        for (int i = 0; i < captures; i++) {
            writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "c" + i, OBJECT.getDescriptor(), null, null).visitEnd();
            constructorArgs[i + 1] = OBJECT;
        }
        String constructorDescriptor = Type.getMethodDescriptor(Type.VOID_TYPE, constructorArgs);

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PRIVATE, "<init>", constructorDescriptor, null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ILOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, className, "site", "I");
        for (int i = 0; i < captures; i++) {
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitVarInsn(Opcodes.ALOAD, i + 2);
            init.visitFieldInsn(Opcodes.PUTFIELD, className, "c" + i, OBJECT.getDescriptor());
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor clinit = null;
        for (int number = 0; number < chunk.size(); number++) {
            Site site = chunk.get(number).site;
            Type[] captured = site.captured();
            MethodVisitor code;
            if (captured.length == 0) {
                // One instance per site, as the metafactory links a non-capturing site to one instance.
                writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "S" + number, iface.getDescriptor(), null, null).visitEnd();
                if (clinit == null) {
                    clinit = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                    clinit.visitCode();
                }
                code = clinit;
            } else {
                code = writer.visitMethod(Opcodes.ACC_STATIC, "s" + number, site.indyDescriptor, null, null);
                code.visitCode();
            }
            code.visitTypeInsn(Opcodes.NEW, className);
            code.visitInsn(Opcodes.DUP);
            pushInt(code, number);
            int slot = 0;
            for (Type type : captured) {
                code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
                slot += type.getSize();
                convert(code, type, OBJECT);
            }
            for (int i = captured.length; i < captures; i++) {
                code.visitInsn(Opcodes.ACONST_NULL);
            }
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, className, "<init>", constructorDescriptor, false);
            if (captured.length == 0) {
                code.visitFieldInsn(Opcodes.PUTSTATIC, className, "S" + number, iface.getDescriptor());
            } else {
                code.visitInsn(Opcodes.ARETURN);
                code.visitMaxs(0, 0);
                code.visitEnd();
            }
        }
        if (clinit != null) {
            clinit.visitInsn(Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
        }

        MethodVisitor sam = writer.visitMethod(Opcodes.ACC_PUBLIC, shape.name, shape.samType.getDescriptor(), null, null);
        sam.visitCode();
        Label[] cases = new Label[chunk.size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new Label();
        }
        Label unknown = new Label();
        sam.visitVarInsn(Opcodes.ALOAD, 0);
        sam.visitFieldInsn(Opcodes.GETFIELD, className, "site", "I");
        sam.visitTableSwitchInsn(0, cases.length - 1, unknown, cases);
        for (int i = 0; i < cases.length; i++) {
            sam.visitLabel(cases[i]);
            generateBody(chunk.get(i).call, chunk.get(i).site, sam, className, chunk.get(i).site.captured());
        }
        sam.visitLabel(unknown);
        sam.visitTypeInsn(Opcodes.NEW, "java/lang/AssertionError");
        sam.visitInsn(Opcodes.DUP);
        sam.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/AssertionError", "<init>", "()V", false);
        sam.visitInsn(Opcodes.ATHROW);
        Label end = new Label();
        sam.visitLabel(end);
        sam.visitMaxs(0, 0);
        sam.visitEnd();
        writer.visitEnd();
        return new Generated(writer.toByteArray(), end.getOffset());
    }

    /**
     * The code of one site inside the interface method: load the captured values and the arguments, adapt each
     * to the implementation's parameter, call it, adapt the result, return. Planning runs it into a no-op visitor
     * first: it throws {@link NotDesugarable} where an adaptation or an access does not exist.
     */
    private void generateBody(Call call, Site site, MethodVisitor code, String owner, Type[] captured) {
        Handle impl = call.implementation;
        Type implType = Type.getMethodType(impl.getDesc());
        List<Type> targets = new ArrayList<>();
        if (call.receiver != null) {
            targets.add(call.receiver);
        }
        targets.addAll(List.of(implType.getArgumentTypes()));
        Type[] samArgs = site.samType.getArgumentTypes();
        Type[] instantiatedArgs = site.instantiatedType.getArgumentTypes();
        if (captured.length + samArgs.length != targets.size() || samArgs.length != instantiatedArgs.length) {
            throw new NotDesugarable("arity differs from the implementation's");
        }
        if (call.constructs) {
            code.visitTypeInsn(Opcodes.NEW, impl.getOwner());
            code.visitInsn(Opcodes.DUP);
        }
        int target = 0;
        for (int i = 0; i < captured.length; i++, target++) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitFieldInsn(Opcodes.GETFIELD, owner, "c" + i, OBJECT.getDescriptor());
            convert(code, OBJECT, captured[i]);
            convert(code, captured[i], targets.get(target));
        }
        int slot = 1;
        for (int i = 0; i < samArgs.length; i++, target++) {
            code.visitVarInsn(samArgs[i].getOpcode(Opcodes.ILOAD), slot);
            slot += samArgs[i].getSize();
            convert(code, samArgs[i], instantiatedArgs[i]);
            convert(code, instantiatedArgs[i], targets.get(target));
        }
        for (Type type : targets) {
            checkCastable(type, site);
        }
        code.visitMethodInsn(call.opcode, impl.getOwner(), call.constructs ? "<init>" : call.name, impl.getDesc(), call.isInterface);
        Type produced = call.constructs ? Type.getObjectType(impl.getOwner()) : implType.getReturnType();
        Type instantiatedReturn = site.instantiatedType.getReturnType();
        Type samReturn = site.samType.getReturnType();
        if (samReturn.getSort() == Type.VOID) {
            if (produced.getSize() > 0) {
                code.visitInsn(produced.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
            }
            code.visitInsn(Opcodes.RETURN);
            return;
        }
        if (produced.getSort() == Type.VOID || instantiatedReturn.getSort() == Type.VOID) {
            throw new NotDesugarable("void implementation for a value-returning interface method");
        }
        convert(code, produced, instantiatedReturn);
        convert(code, instantiatedReturn, samReturn);
        checkCastable(instantiatedReturn, site);
        code.visitInsn(samReturn.getOpcode(Opcodes.IRETURN));
    }

    private void checkCastable(Type type, Site site) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            requireAccessible(type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName(), packageOf(site.host));
        }
    }

    // ---- LambdaMetafactory's adaptations: casts, boxing, unboxing, primitive widening ----

    private static void convert(MethodVisitor code, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        boolean fromPrimitive = isPrimitive(from);
        boolean toPrimitive = isPrimitive(to);
        if (!fromPrimitive && !toPrimitive) {
            if (!"java/lang/Object".equals(to.getInternalName())) {
                code.visitTypeInsn(Opcodes.CHECKCAST, to.getSort() == Type.ARRAY ? to.getDescriptor() : to.getInternalName());
            }
        } else if (fromPrimitive && toPrimitive) {
            widen(code, from, to);
        } else if (fromPrimitive) {
            Type wrapper = wrapper(from);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(wrapper, from), false);
            if (!wrapper.equals(to) && !"java/lang/Object".equals(to.getInternalName())) {
                code.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
            }
        } else {
            Type unboxed = unwrapped(from);
            if (unboxed == null) {
                unboxed = to;
                code.visitTypeInsn(Opcodes.CHECKCAST, wrapper(to).getInternalName());
            }
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, wrapper(unboxed).getInternalName(), unboxed.getClassName() + "Value",
                    Type.getMethodDescriptor(unboxed), false);
            widen(code, unboxed, to);
        }
    }

    private static void widen(MethodVisitor code, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        int fromSort = from.getSort();
        int toSort = to.getSort();
        boolean fromInt = fromSort == Type.BYTE || fromSort == Type.SHORT || fromSort == Type.CHAR || fromSort == Type.INT;
        if (fromInt && (toSort == Type.INT || (toSort == Type.SHORT && fromSort == Type.BYTE))) {
            return; // the same int on the stack
        } else if (fromInt && toSort == Type.LONG) {
            code.visitInsn(Opcodes.I2L);
        } else if (fromInt && toSort == Type.FLOAT) {
            code.visitInsn(Opcodes.I2F);
        } else if (fromInt && toSort == Type.DOUBLE) {
            code.visitInsn(Opcodes.I2D);
        } else if (fromSort == Type.LONG && toSort == Type.FLOAT) {
            code.visitInsn(Opcodes.L2F);
        } else if (fromSort == Type.LONG && toSort == Type.DOUBLE) {
            code.visitInsn(Opcodes.L2D);
        } else if (fromSort == Type.FLOAT && toSort == Type.DOUBLE) {
            code.visitInsn(Opcodes.F2D);
        } else {
            throw new NotDesugarable("no widening from " + from.getClassName() + " to " + to.getClassName());
        }
    }

    private static boolean isPrimitive(Type type) {
        return type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY && type.getSort() != Type.METHOD;
    }

    private static Type wrapper(Type primitive) {
        return Type.getObjectType(switch (primitive.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> throw new NotDesugarable("no wrapper for " + primitive);
        });
    }

    private static Type unwrapped(Type reference) {
        return switch (reference.getInternalName()) {
            case "java/lang/Boolean" -> Type.BOOLEAN_TYPE;
            case "java/lang/Byte" -> Type.BYTE_TYPE;
            case "java/lang/Character" -> Type.CHAR_TYPE;
            case "java/lang/Short" -> Type.SHORT_TYPE;
            case "java/lang/Integer" -> Type.INT_TYPE;
            case "java/lang/Long" -> Type.LONG_TYPE;
            case "java/lang/Float" -> Type.FLOAT_TYPE;
            case "java/lang/Double" -> Type.DOUBLE_TYPE;
            default -> null;
        };
    }

    private static void pushInt(MethodVisitor code, int value) {
        if (value <= 5) {
            code.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            code.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value <= Short.MAX_VALUE) {
            code.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            code.visitLdcInsn(value);
        }
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    // ---- the sites ----

    /** One {@code invokedynamic} bound to {@code LambdaMetafactory}, by its position among the host's invokedynamics. */
    static final class Site {
        final int ordinal;
        final String name;
        final String indyDescriptor;
        Type samType;
        Handle implementation;
        Type instantiatedType;
        final String host;

        Site(String host, int ordinal, String name, String indyDescriptor, Handle bootstrap, Object[] args) {
            this.host = host;
            this.ordinal = ordinal;
            this.name = name;
            this.indyDescriptor = indyDescriptor;
            if ("metafactory".equals(bootstrap.getName()) && args.length == 3 && args[0] instanceof Type sam
                    && args[1] instanceof Handle impl && args[2] instanceof Type instantiated) {
                samType = sam;
                implementation = impl;
                instantiatedType = instantiated;
            }
        }

        String unsupportedBootstrap() {
            return implementation == null ? "altMetafactory (serializable, marker interfaces or bridges)" : null;
        }

        Type interfaceType() {
            return Type.getMethodType(indyDescriptor).getReturnType();
        }

        Type[] captured() {
            return Type.getMethodType(indyDescriptor).getArgumentTypes();
        }

        String capturedDescriptor() {
            return indyDescriptor.substring(0, indyDescriptor.indexOf(')') + 1);
        }
    }

    private record Replacement(String className, int number, Site site) {
    }

    /** A site this rewrite leaves to the metafactory; the message is the reason, counted in the result. */
    static final class NotDesugarable extends RuntimeException {
        NotDesugarable(String reason) {
            super(reason, null, false, false);
        }
    }
}

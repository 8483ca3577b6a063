package io.credence.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The bytecode half of the policy sandbox: reads a class Drools generated for a policy (a rule's
 * consequence, an eval or constraint invoker, a JIT-compiled constraint, a declared type) and lists
 * everything in it that reaches outside the allow-list below. {@link PolicySandbox} checks what the
 * analyst wrote, with messages an analyst understands; Drools rewrites that text before its Java
 * compiler sees it (KnowledgeHelperFixer, MVEL's macro pass), so only this check, on the bytes that
 * would be defined, says what would actually run. {@link VerifiedClassLoading} calls it before any
 * such class is defined in the JVM.
 *
 * <p>Besides the calls, it refuses what would make one firing's work unbounded: any backward jump
 * (a loop, whatever the source looked like), regular expressions (java.util.regex backtracks),
 * text that grows without limit (repeat, format, StringBuilder), and arrays whose size is not a
 * constant.
 */
final class PolicyBytecode {

    /** Any member of these (internal names, or prefixes ending in '/'). */
    private static final Set<String> ANY_MEMBER = Set.of("io/credence/vocabulary/");

    /**
     * The members of a JDK class a policy may use. One table serves both halves of the sandbox, so
     * they cannot drift apart: {@code instance} and {@code statics} are what an analyst may write
     * ({@link PolicySandboxAllowList} offers exactly these, and names them in its messages);
     * {@code generated} is what only the code javac and Drools make of an allowed expression needs
     * (constructors, boxing and unboxing, constants javac does not fold). The bytecode check allows
     * all three.
     */
    record JdkMembers(Set<String> instance, Set<String> statics, Set<String> generated) {
        Set<String> all() {
            Set<String> all = new java.util.HashSet<>(instance);
            all.addAll(statics);
            all.addAll(generated);
            return Set.copyOf(all);
        }
    }

    private static final Set<String> OBJECT_WRITTEN = Set.of("equals", "hashCode", "toString");
    private static final Set<String> STRING_WRITTEN = Set.of(
            "equals",
            "equalsIgnoreCase",
            "compareTo",
            "compareToIgnoreCase",
            "startsWith",
            "endsWith",
            "isEmpty",
            "isBlank",
            "length",
            "charAt",
            "substring",
            "toUpperCase",
            "toLowerCase",
            "trim",
            "strip",
            "concat",
            "hashCode",
            "toString");
    private static final Set<String> NUMBER_WRITTEN = Set.of(
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue",
            "compareTo",
            "equals",
            "hashCode",
            "toString",
            "isNaN",
            "isInfinite");
    private static final Set<String> BOOLEAN_WRITTEN =
            Set.of("booleanValue", "compareTo", "equals", "hashCode", "toString");
    private static final Set<String> LIST_WRITTEN = Set.of(
            "size",
            "isEmpty",
            "contains",
            "get",
            "getFirst",
            "getLast",
            "indexOf",
            "lastIndexOf",
            "equals",
            "hashCode");
    private static final Set<String> MATH_WRITTEN = Set.of(
            "abs",
            "max",
            "min",
            "pow",
            "sqrt",
            "cbrt",
            "floor",
            "ceil",
            "round",
            "rint",
            "signum",
            "exp",
            "log",
            "log10",
            "hypot",
            "floorDiv",
            "floorMod",
            "clamp",
            "toIntExact");

    private static final Set<String> NUMBER_GENERATED = Set.of(
            "<init>",
            "valueOf",
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue",
            "shortValue",
            "byteValue",
            "booleanValue",
            "charValue",
            "compareTo",
            "compare",
            "equals",
            "hashCode",
            "toString",
            "isNaN",
            "isInfinite",
            "isFinite",
            "parseInt",
            "parseLong",
            "parseDouble",
            "parseBoolean",
            "min",
            "max",
            "sum",
            "signum",
            "abs",
            "MAX_VALUE",
            "MIN_VALUE",
            "TRUE",
            "FALSE",
            "POSITIVE_INFINITY",
            "NEGATIVE_INFINITY",
            "NaN",
            "TYPE");
    private static final Set<String> READ_COLLECTION = Set.of(
            "size",
            "isEmpty",
            "contains",
            "containsAll",
            "get",
            "getFirst",
            "getLast",
            "indexOf",
            "lastIndexOf",
            "equals",
            "hashCode",
            "containsKey",
            "containsValue",
            "getOrDefault",
            "of",
            "copyOf");

    /** The JDK classes a policy's code may touch, with their members; see {@link JdkMembers}. */
    static final Map<Class<?>, JdkMembers> JDK = Map.ofEntries(
            Map.entry(Object.class, new JdkMembers(OBJECT_WRITTEN, Set.of(), Set.of("<init>"))),
            Map.entry(
                    String.class,
                    new JdkMembers(
                            STRING_WRITTEN,
                            Set.of("valueOf"),
                            Set.of("<init>", "stripLeading", "stripTrailing", "contentEquals"))),
            Map.entry(
                    CharSequence.class,
                    new JdkMembers(Set.of(), Set.of(), Set.of("length", "charAt", "toString", "isEmpty"))),
            Map.entry(
                    Integer.class,
                    new JdkMembers(
                            NUMBER_WRITTEN,
                            Set.of("valueOf", "parseInt", "compare", "min", "max", "sum", "toString"),
                            NUMBER_GENERATED)),
            Map.entry(
                    Long.class,
                    new JdkMembers(
                            NUMBER_WRITTEN,
                            Set.of("valueOf", "parseLong", "compare", "min", "max", "sum", "toString"),
                            NUMBER_GENERATED)),
            Map.entry(
                    Double.class,
                    new JdkMembers(
                            NUMBER_WRITTEN,
                            Set.of(
                                    "valueOf",
                                    "parseDouble",
                                    "compare",
                                    "min",
                                    "max",
                                    "sum",
                                    "isNaN",
                                    "isFinite",
                                    "toString"),
                            NUMBER_GENERATED)),
            Map.entry(
                    Boolean.class,
                    new JdkMembers(
                            BOOLEAN_WRITTEN,
                            Set.of("valueOf", "parseBoolean", "compare", "toString"),
                            NUMBER_GENERATED)),
            Map.entry(Float.class, new JdkMembers(NUMBER_WRITTEN, Set.of(), NUMBER_GENERATED)),
            Map.entry(Short.class, new JdkMembers(NUMBER_WRITTEN, Set.of(), NUMBER_GENERATED)),
            Map.entry(Byte.class, new JdkMembers(NUMBER_WRITTEN, Set.of(), NUMBER_GENERATED)),
            Map.entry(Number.class, new JdkMembers(NUMBER_WRITTEN, Set.of(), NUMBER_GENERATED)),
            Map.entry(Character.class, new JdkMembers(OBJECT_WRITTEN, Set.of(), NUMBER_GENERATED)),
            Map.entry(Math.class, new JdkMembers(Set.of(), MATH_WRITTEN, Set.of("PI", "E"))),
            Map.entry(
                    java.math.BigDecimal.class,
                    new JdkMembers(
                            Set.of(),
                            Set.of(),
                            Set.of(
                                    "<init>",
                                    "valueOf",
                                    "add",
                                    "subtract",
                                    "multiply",
                                    "divide",
                                    "negate",
                                    "abs",
                                    "compareTo",
                                    "equals",
                                    "hashCode",
                                    "min",
                                    "max",
                                    "signum",
                                    "scale",
                                    "precision",
                                    "setScale",
                                    "round",
                                    "stripTrailingZeros",
                                    "intValue",
                                    "longValue",
                                    "doubleValue",
                                    "toString",
                                    "ZERO",
                                    "ONE",
                                    "TEN"))),
            Map.entry(
                    java.math.RoundingMode.class,
                    new JdkMembers(
                            Set.of(),
                            Set.of(),
                            Set.of("HALF_UP", "HALF_EVEN", "HALF_DOWN", "DOWN", "UP", "FLOOR", "CEILING"))),
            Map.entry(List.class, new JdkMembers(LIST_WRITTEN, Set.of(), READ_COLLECTION)),
            Map.entry(Set.class, new JdkMembers(Set.of(), Set.of(), READ_COLLECTION)),
            Map.entry(Map.class, new JdkMembers(Set.of(), Set.of(), READ_COLLECTION)),
            Map.entry(java.util.Collection.class, new JdkMembers(Set.of(), Set.of(), READ_COLLECTION)),
            Map.entry(
                    java.util.Objects.class,
                    new JdkMembers(
                            Set.of(),
                            Set.of(),
                            Set.of(
                                    "equals",
                                    "hash",
                                    "hashCode",
                                    "isNull",
                                    "nonNull",
                                    "requireNonNull",
                                    "requireNonNullElse",
                                    "toString"))));

    /** What Drools' generated invokers use to hand a rule its matched facts and to read a fact's field. */
    private static final Map<String, Set<String>> DROOLS_MEMBERS = Map.ofEntries(
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("getTuple", "getMatch", "getRule")),
            Map.entry(
                    "org/drools/base/rule/Declaration",
                    Set.of(
                            "getValue",
                            "getIntValue",
                            "getLongValue",
                            "getDoubleValue",
                            "getFloatValue",
                            "getShortValue",
                            "getByteValue",
                            "getCharValue",
                            "getBooleanValue",
                            "getIdentifier",
                            "getPattern",
                            "getTupleIndex",
                            "getObjectIndex",
                            "getExtractor",
                            "isPatternDeclaration",
                            "getDeclarationClass")),
            Map.entry(
                    "org/drools/base/reteoo/BaseTuple",
                    Set.of("get", "getFactHandle", "getObject", "getParent", "skipEmptyHandles")),
            Map.entry(
                    "org/drools/core/reteoo/Tuple",
                    Set.of("get", "getFactHandle", "getObject", "getParent", "skipEmptyHandles")),
            Map.entry("org/drools/core/common/InternalFactHandle", Set.of("getObject")),
            Map.entry("org/kie/api/runtime/rule/FactHandle", Set.of("getObject")),
            Map.entry("org/drools/base/rule/accessor/Wireable", Set.of()),
            Map.entry("org/drools/base/rule/Pattern", Set.of("getTupleIndex", "getPatternId", "getIndex")));

    /** The members a policy's classes may use, by owner: the JDK's from {@link #JDK}, and Drools' own. */
    private static final Map<String, Set<String>> MEMBERS = members();

    private static Map<String, Set<String>> members() {
        Map<String, Set<String>> members = new java.util.HashMap<>();
        JDK.forEach((type, allowed) -> members.put(Type.getInternalName(type), allowed.all()));
        members.putAll(DROOLS_MEMBERS);
        return Map.copyOf(members);
    }

    /** Types that may appear as a superclass, interface, or in a cast / instanceof, besides the owners above. */
    private static final Set<String> TYPES = Set.of(
            "org/drools/core/rule/consequence/Consequence",
            "org/drools/base/rule/consequence/Consequence",
            "org/drools/base/rule/accessor/EvalExpression",
            "org/drools/base/rule/accessor/ReturnValueExpression",
            "org/drools/base/rule/accessor/CompiledInvoker",
            "org/drools/base/rule/accessor/Invoker",
            "org/drools/base/rule/accessor/Wireable",
            "org/kie/api/runtime/rule/FactHandle",
            "org/drools/core/common/ReteEvaluator",
            "org/drools/base/base/ValueResolver",
            "org/drools/base/reteoo/BaseTuple",
            "org/drools/base/rule/Declaration",
            "org/drools/base/rule/RuleConditionElement",
            "java/io/Serializable",
            "java/lang/Object",
            "java/lang/Throwable",
            "java/lang/Exception",
            "java/lang/RuntimeException");

    private PolicyBytecode() {}

    /**
     * Never reachable from any class Drools defines for a policy, whoever wrote it: the outside world,
     * reflection, class loading, threads and the JVM itself.
     */
    private static final List<String> FORBIDDEN = List.of(
            "java/lang/Runtime",
            "java/lang/Process",
            "java/lang/System",
            "java/lang/Thread",
            "java/lang/ClassLoader",
            "java/lang/Class",
            "java/lang/reflect/",
            "java/lang/invoke/",
            "java/lang/Module",
            "java/lang/foreign/",
            "java/lang/ref/",
            "java/lang/ScopedValue",
            "java/lang/instrument/",
            "java/lang/management/",
            "java/io/",
            "java/nio/",
            "java/net/",
            "java/security/",
            "java/util/concurrent/",
            "java/util/prefs/",
            "java/util/jar/",
            "java/util/zip/",
            "java/util/logging/",
            "java/util/ServiceLoader",
            "java/sql/",
            "java/rmi/",
            "javax/",
            "jdk/",
            "sun/",
            "com/sun/",
            "org/springframework/",
            "org/mvel2/",
            "org/drools/util/ClassUtils",
            "org/kie/api/KieServices",
            "io/credence/",
            "java/util/regex/");
    /** Drools' own uses of the forbidden list, in the classes it generates from its templates. */
    private static final Set<String> DROOLS_NEEDS = Set.of(
            "java/lang/Class.getName",
            "java/lang/Object.getClass",
            "java/lang/System.identityHashCode",
            "java/lang/Class.getMethod",
            "java/lang/Class.getDeclaredMethod");

    /**
     * What in this class file reaches outside the allow-list; empty when it may be defined. A class
     * javac compiled from text (it names its source file) holds policy code and gets the full
     * allow-list; one Drools assembled with ASM from its own templates (field readers, the stubs that
     * call a rule's consequence, JIT-compiled constraints) only has to keep clear of {@link #FORBIDDEN}.
     */
    static List<String> problems(byte[] classFile) {
        Set<String> strict = new LinkedHashSet<>();
        Set<String> forbidden = new LinkedHashSet<>();
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (RuntimeException e) {
            return List.of("is not a class file the sandbox can read");
        }
        Check check = new Check(strict, forbidden);
        reader.accept(check, 0);
        return new ArrayList<>(check.compiledFromText ? strict : forbidden);
    }

    private static void checkForbidden(String owner, String name, Set<String> forbidden) {
        if (owner.equals("io/credence/vocabulary") || owner.startsWith("io/credence/vocabulary/")) {
            if (!(owner.equals("io/credence/vocabulary/Decision") && "enterStage".equals(name))) return;
        }
        for (String f : FORBIDDEN) {
            if (f.endsWith("/") ? owner.startsWith(f) : owner.equals(f) || owner.startsWith(f + "$")) {
                if (name != null && DROOLS_NEEDS.contains(owner + "." + name)) return;
                forbidden.add("uses " + dotted(owner) + (name == null ? "" : "." + name));
                return;
            }
        }
    }

    /** The name of the class in a class file, with dots; null when it cannot be read. */
    static String className(byte[] classFile) {
        try {
            return new ClassReader(classFile).getClassName().replace('/', '.');
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean memberAllowed(String owner, String name, String self) {
        if (owner.equals(self) || owner.startsWith(self + "$")) return true;
        if (owner.startsWith("[")) return name.equals("clone") || name.equals("length");
        if (owner.equals("io/credence/vocabulary/Decision") && name.equals("enterStage")) return false;
        for (String any : ANY_MEMBER) {
            if (any.endsWith("/") ? owner.startsWith(any) : owner.equals(any)) return true;
        }
        Set<String> members = MEMBERS.get(owner);
        return members != null && members.contains(name);
    }

    private static boolean typeAllowed(String internalName, String self) {
        String type = internalName;
        while (type.startsWith("[")) type = type.substring(1);
        if (type.startsWith("L") && type.endsWith(";")) type = type.substring(1, type.length() - 1);
        if (type.length() == 1) return true; // a primitive array
        if (type.equals(self) || type.startsWith(self + "$")) return true;
        if (TYPES.contains(type) || MEMBERS.containsKey(type)) return true;
        for (String any : ANY_MEMBER) {
            if (any.endsWith("/") ? type.startsWith(any) : type.equals(any)) return true;
        }
        return false;
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    private static final class Check extends ClassVisitor {
        private final Set<String> problems;
        private final Set<String> forbidden;
        private String self = "";
        private int joins;
        boolean compiledFromText;

        Check(Set<String> problems, Set<String> forbidden) {
            super(Opcodes.ASM9);
            this.problems = problems;
            this.forbidden = forbidden;
        }

        @Override
        public void visitSource(String source, String debug) {
            compiledFromText = source != null && source.endsWith(".java");
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            self = name;
            if (superName != null) checkForbidden(superName, null, forbidden);
            if (interfaces != null) {
                for (String i : interfaces) checkForbidden(i, null, forbidden);
            }
            if (superName != null && !typeAllowed(superName, "")) problems.add("extends " + dotted(superName));
            if (interfaces != null) {
                for (String i : interfaces) {
                    if (!typeAllowed(i, "")) problems.add("implements " + dotted(i));
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) == 0) {
                problems.add("declares the static field " + name + ", state shared by every decision");
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) problems.add("declares the native method " + name);
            return new MethodCheck(name);
        }

        private final class MethodCheck extends MethodVisitor {
            private final String method;
            private final Set<Label> seen = new java.util.HashSet<>();

            MethodCheck(String method) {
                super(Opcodes.ASM9);
                this.method = method;
            }

            private void joined() {
                if (++joins == MAX_JOINS + 1) {
                    problems.add("joins text more than " + MAX_JOINS
                            + " times; text that grows without limit could exhaust memory");
                }
            }

            @Override
            public void visitLabel(Label label) {
                seen.add(label);
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                // A jump to a label already passed goes backwards: a loop, however the source wrote it.
                if (seen.contains(label))
                    problems.add("loops (in " + method + "); loops cannot be stopped while they run");
            }

            @Override
            public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                checkSwitch(dflt, labels);
            }

            @Override
            public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                checkSwitch(dflt, labels);
            }

            private void checkSwitch(Label dflt, Label[] labels) {
                if (seen.contains(dflt)) problems.add("loops (in " + method + ")");
                for (Label l : labels) {
                    if (seen.contains(l)) problems.add("loops (in " + method + ")");
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                checkForbidden(owner, name, forbidden);
                if (!memberAllowed(owner, name, self)) {
                    problems.add("calls " + dotted(owner) + "." + name + describeWhy(owner, name));
                }
                if (owner.equals("java/lang/String") && name.equals("concat")) joined();
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                checkForbidden(owner, name, forbidden);
                if (!memberAllowed(owner, name, self)) problems.add("uses the field " + dotted(owner) + "." + name);
                if (opcode == Opcodes.PUTSTATIC && !method.equals("<clinit>")) {
                    problems.add("writes the static field " + dotted(owner) + "." + name
                            + ", state shared by every decision");
                }
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                if (!type.startsWith("[")) checkForbidden(type, null, forbidden);
                if (!typeAllowed(type, self)) {
                    String what = switch (opcode) {
                        case Opcodes.NEW -> "creates a " + dotted(type);
                        case Opcodes.ANEWARRAY -> "creates an array of " + dotted(type);
                        default -> "uses the type " + dotted(type);
                    };
                    problems.add(what);
                }
                if (opcode == Opcodes.ANEWARRAY) checkArraySize();
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
                if (opcode == Opcodes.NEWARRAY) checkArraySize();
                lastConstant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
            }

            private Integer lastConstant;

            @Override
            public void visitInsn(int opcode) {
                lastConstant =
                        opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
                if (opcode == Opcodes.MONITORENTER) problems.add("synchronizes (in " + method + ")");
            }

            @Override
            public void visitVarInsn(int opcode, int varIndex) {
                lastConstant = null;
            }

            /** An array's size must be a small constant, so no decision can allocate without bound. */
            private void checkArraySize() {
                if (lastConstant == null || lastConstant > 1_024) {
                    problems.add("creates an array whose size is not a small constant (in " + method + ")");
                }
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                problems.add("creates a multi-dimensional array");
            }

            @Override
            public void visitLdcInsn(Object value) {
                lastConstant = value instanceof Integer i ? i : null;
                if (value instanceof Type type
                        && type.getSort() == Type.OBJECT
                        && !typeAllowed(type.getInternalName(), self)) {
                    problems.add("names the class " + type.getClassName());
                } else if (value instanceof Type type && type.getSort() == Type.METHOD) {
                    problems.add("uses a method type constant");
                } else if (value instanceof Handle || value instanceof ConstantDynamic) {
                    problems.add("uses a method handle or dynamic constant");
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                // Only javac's string concatenation; its text is bounded by what it joins.
                if (!bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                    forbidden.add("uses invokedynamic");
                    problems.add("uses invokedynamic (" + dotted(bootstrap.getOwner())
                            + "), e.g. a lambda or method reference");
                } else {
                    joined();
                }
            }
        }
    }

    /** Joining text a few times is fine; joining a text to itself thirty times makes gigabytes. */
    static final int MAX_JOINS = 16;

    private static String describeWhy(String owner, String name) {
        if (owner.equals("java/lang/String")
                && Set.of("matches", "replaceAll", "replaceFirst", "split", "replace")
                        .contains(name)) {
            return ": regular expressions can take exponential time";
        }
        if (owner.equals("java/lang/String")
                && Set.of("repeat", "format", "formatted", "join").contains(name)) {
            return ": it can make text of any size";
        }
        return "";
    }
}
